/// The query parameters of a URL string in written order, keys and values percent-decoded (`+` as space).
/// Repeated keys are kept, which `URLComponents` users often lose. Works on bytes; no Foundation.
struct URLQuery {
    /// `(key, value)` pairs in order.
    let items: [(key: String, value: String)]

    /// Parses the part of `url` between `?` and `#`; empty pairs (`a=1&&b=2`) are skipped.
    init(_ url: String) {
        var copy = url
        items = copy.withUTF8(Self.items)
    }

    /// The pairs of the query in `bytes`, read in place: no copy of the URL, no array of slices.
    private static func items(_ bytes: UnsafeBufferPointer<UInt8>) -> [(key: String, value: String)] {
        guard let question = bytes.firstIndex(of: UInt8(ascii: "?")) else { return [] }
        let end = bytes[question...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
        var items: [(key: String, value: String)] = []
        var start = question + 1
        while start < end {
            var stop = start
            while stop < end, bytes[stop] != UInt8(ascii: "&") { stop += 1 }
            if stop > start {
                var equals = start
                while equals < stop, bytes[equals] != UInt8(ascii: "=") { equals += 1 }
                let key = UnsafeBufferPointer(rebasing: bytes[start..<equals])
                let value = UnsafeBufferPointer(rebasing: bytes[min(equals + 1, stop)..<stop])
                items.append((decode(key), decode(value)))
            }
            start = stop + 1
        }
        return items
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hex(bytes[index + 1]),
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
