/// Finds the features of the support table that a CSS event uses.
enum CSSFeatureDetector {
    /// Calls `found` with the table index of each unsupported-somewhere feature in `event`;
    /// returns true when the event is a `@media` rule on `prefers-color-scheme` (dark-mode styles).
    @discardableResult
    static func detect(_ event: CSSScanner.Event, _ found: (Int) -> Void) -> Bool {
        switch event {
        case let .declaration(property, value):
            EmailSupport.lookup(.property, property).map(found)
            var firstIdentifier = true
            forEachIdentifier(in: value) { identifier, isFunction in
                if isFunction {
                    EmailSupport.lookup(.function, identifier).map(found)
                } else {
                    EmailSupport.lookup(.keyword, identifier).map(found)
                    if firstIdentifier { lookupValue(property, identifier).map(found) }
                }
                firstIdentifier = false
            }
            return false
        case let .atRule(name, prelude):
            EmailSupport.lookup(.atRule, name).map(found)
            var darkMode = false
            forEachIdentifier(in: prelude) { identifier, _ in
                guard let start = identifier.baseAddress, start > prelude.baseAddress ?? start,
                    (start - 1).pointee == UInt8(ascii: "(")
                else { return }
                EmailSupport.lookup(.media, identifier).map(found)
                if identifier.elementsEqual("prefers-color-scheme".utf8) { darkMode = true }
            }
            return darkMode
        }
    }

    /// `property:identifier` looked up without allocating.
    private static func lookupValue(_ property: UnsafeBufferPointer<UInt8>, _ identifier: UnsafeBufferPointer<UInt8>)
        -> Int?
    {
        let count = property.count + 1 + identifier.count
        guard count <= 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { key in
            var index = 0
            for byte in property {
                key[index] = byte
                index += 1
            }
            key[index] = UInt8(ascii: ":")
            index += 1
            for byte in identifier {
                key[index] = byte
                index += 1
            }
            return EmailSupport.lookup(.value, UnsafeBufferPointer(key))
        }
    }

    /// Identifiers in a value or prelude (a leading `!` kept, as in `!important`), and whether `(` follows.
    private static func forEachIdentifier(
        in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void
    ) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let startsName = CSSScanner.isNameByte(byte) && !(byte >= 48 && byte <= 57)
            guard startsName || byte == UInt8(ascii: "!") else {
                index += 1
                continue
            }
            let start = index
            index += 1
            while index < bytes.count, CSSScanner.isNameByte(bytes[index]) { index += 1 }
            let isFunction = index < bytes.count && bytes[index] == UInt8(ascii: "(")
            body(UnsafeBufferPointer(rebasing: bytes[start..<index]), isFunction)
        }
    }
}
