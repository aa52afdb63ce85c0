/// How many warnings of one kind were raised in a period, and for how many campaigns.
public struct WarningCount: Sendable, Hashable, Codable {
    public var kind: WarningKind
    public var warnings: Int
    public var campaigns: Int
}
