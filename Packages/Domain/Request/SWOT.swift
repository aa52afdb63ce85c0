import Foundation

/// An optional SWOT analysis attached to a brief. Wire keys: `strengths`, `weaknesses`,
/// `opportunities`, `threats` (each a list of strings).
public struct SWOT: Sendable, Hashable, Codable {
    /// Internal strengths.
    public var strengths: [String]
    /// Internal weaknesses.
    public var weaknesses: [String]
    /// External opportunities.
    public var opportunities: [String]
    /// External threats.
    public var threats: [String]

    /// Creates a SWOT analysis.
    public init(strengths: [String] = [], weaknesses: [String] = [], opportunities: [String] = [],
                threats: [String] = []) {
        self.strengths = strengths
        self.weaknesses = weaknesses
        self.opportunities = opportunities
        self.threats = threats
    }

    /// Whether no quadrant has an entry.
    public var isEmpty: Bool { strengths.isEmpty && weaknesses.isEmpty && opportunities.isEmpty && threats.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case strengths
        case weaknesses
        case opportunities
        case threats
    }
}
