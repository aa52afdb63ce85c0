import CLibXML2

/// The attributes of the start tag the parser is reporting, borrowed for the callback: libxml2's
/// NULL-terminated name/value pairs. Names are matched ignoring ASCII case; an attribute written without a
/// value reads as empty. Values are read in place, so looking one up allocates nothing.
struct StartTagAttributes {
    let pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// Calls `body` with the bytes of attribute `name`'s value; nil when the tag has no such attribute.
    func withValue<R>(_ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let pairs else { return nil }
        var index = 0
        while let own = pairs[index] {
            if Self.equalsIgnoringCase(own, name) {
                guard let value = pairs[index + 1] else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
                return body(UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
            }
            index += 2
        }
        return nil
    }

    /// Attribute `name` as a string, or nil when absent.
    func value(_ name: StaticString) -> String? {
        withValue(name) { String(decoding: $0, as: UTF8.self) }
    }

    private static func equalsIgnoringCase(_ own: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
        let bytes = name.utf8Start
        var index = 0
        while index < name.utf8CodeUnitCount {
            let byte = own[index]
            guard byte != 0, (byte >= 65 && byte <= 90 ? byte + 32 : byte) == bytes[index] else { return false }
            index += 1
        }
        return own[index] == 0
    }
}
