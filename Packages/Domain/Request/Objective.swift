import Foundation

/// What a campaign is for. Wire values: `"awareness"`, `"conversion"`, `"retention"`.
public enum Objective: String, Sendable, Hashable, Codable, CaseIterable {
    case awareness
    case conversion
    case retention
}
