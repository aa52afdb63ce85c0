extension CSVFields {
    /// Calls `body` with the fields as UTF-8 and whether some field was not UTF-8: such fields are read as
    /// Latin-1 (every byte is a code point) and converted. ASCII records are passed through without a copy.
    func withUTF8Text<R>(_ body: (CSVFields, _ latin1: Bool) -> R) -> R {
        if FieldText.isASCII(bytes) { return body(self, false) }
        var text: [UInt8] = []
        var textEnds: [Int] = []
        text.reserveCapacity(bytes.count * 2 + count)
        textEnds.reserveCapacity(count)
        var latin1 = false
        for index in 0..<count {
            let field = self[index]
            if String(validating: field, as: UTF8.self) != nil {
                text.append(contentsOf: field)
            } else {
                latin1 = true
                for byte in field {
                    if byte < 0x80 {
                        text.append(byte)
                    } else {
                        text.append(0xC0 | byte >> 6)
                        text.append(0x80 | byte & 0x3F)
                    }
                }
            }
            textEnds.append(text.count)
            text.append(UInt8(ascii: ","))
        }
        return CSVFields.with(text, textEnds) { body($0, latin1) }
    }
}
