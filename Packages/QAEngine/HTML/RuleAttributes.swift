import CLibXML2

/// The attributes the rules read (`HTMLScanner`, through `HTMLElement.withAttribute`). The parser's
/// start-tag hook hands libxml2's tree builder only these, so the many layout attributes of an email
/// (`cellpadding`, `role`, `bgcolor`, `class`, `id` …) cost no attribute node, text node, value copy or
/// ID-table entry, and nothing to free. Names are matched ignoring ASCII case, as `withAttribute` does.
enum RuleAttributes {
    /// Every attribute name any rule reads; add a name here when a rule starts reading it.
    static let names: [StaticString] = ["style", "href", "src", "alt", "width", "height", "lang", "name", "aria-label"]

    /// The most attributes one start tag may carry through the filter; larger tags are passed on whole.
    static let maxKept = 32

    /// True when `name` (a NUL-terminated attribute name) is one the rules read.
    static func isRead(_ name: UnsafePointer<xmlChar>) -> Bool {
        for candidate in names where equalsIgnoringCase(name, candidate) { return true }
        return false
    }

    /// Calls `body` with `attributes` (libxml2's NULL-terminated name/value pairs, or nil) reduced to the
    /// pairs the rules read, in their order; nil when none is left.
    static func withKept<R>(
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
        _ body: (UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> R
    ) -> R {
        guard let attributes, attributes[0] != nil else { return body(nil) }
        return withUnsafeTemporaryAllocation(of: UnsafePointer<xmlChar>?.self, capacity: 2 * maxKept + 1) { kept in
            var read = 0
            var written = 0
            while let name = attributes[read] {
                if isRead(name) {
                    guard written < 2 * maxKept else { return body(attributes) }
                    kept[written] = name
                    kept[written + 1] = attributes[read + 1]
                    written += 2
                }
                read += 2
            }
            guard written > 0 else { return body(nil) }
            kept[written] = nil
            return body(kept.baseAddress)
        }
    }

    private static func equalsIgnoringCase(_ name: UnsafePointer<xmlChar>, _ candidate: StaticString) -> Bool {
        let bytes = candidate.utf8Start
        var index = 0
        while index < candidate.utf8CodeUnitCount {
            let byte = name[index]
            guard byte != 0, (byte >= 65 && byte <= 90 ? byte + 32 : byte) == bytes[index] else { return false }
            index += 1
        }
        return name[index] == 0
    }
}
