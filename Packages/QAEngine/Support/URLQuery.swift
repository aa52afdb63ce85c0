/// The query parameters of a URL string in written order, keys and values percent-decoded (`+` as space).
/// Repeated keys are kept, which `URLComponents` users often lose. Works on bytes; no Foundation.
struct URLQuery {
    /// `(key, value)` pairs in order.
    let items: [(key: String, value: String)]

    /// Parses the part of `url` between `?` and `#`.
    init(_ url: String) {
        let bytes = Array(url.utf8)
        guard let question = bytes.firstIndex(of: UInt8(ascii: "?")) else {
            items = []
            return
        }
        let end = bytes[question...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
        items = bytes[(question + 1)..<end].split(separator: UInt8(ascii: "&")).map { pair in
            let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            let value = equals < pair.endIndex ? pair[(equals + 1)...] : []
            return (Self.decode(pair[..<equals]), Self.decode(value))
        }
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex, let high = hex(bytes[index + 1]),
                let low = hex(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
                continue
            }
            out.append(byte == UInt8(ascii: "+") ? 0x20 : byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }
}
