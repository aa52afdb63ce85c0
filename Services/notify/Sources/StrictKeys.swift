/// A key of any name, for reading which keys a mapping holds.
struct AnyConfigKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Throws `DecodingError.dataCorrupted` naming a key of the mapping being decoded that `Keys` does not
    /// list: a misspelt setting stops the start instead of silently doing nothing.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
        let known = Set(Keys.allCases.map(\.stringValue))
        let present = try container(keyedBy: AnyConfigKey.self).allKeys.map(\.stringValue)
        guard let unknown = present.sorted().first(where: { !known.contains($0) }) else { return }
        throw DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: codingPath + [AnyConfigKey(stringValue: unknown)],
                debugDescription: "unknown key \"\(unknown)\" (known here: \(known.sorted().joined(separator: ", ")))"))
    }
}
