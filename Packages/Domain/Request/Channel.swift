import Foundation

/// A channel a campaign runs on. Wire values are snake_case strings (`"email"`, `"instagram"`…).
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable, Comparable {
    case email
    case web
    case social
    case instagram
    case linkedin
    case paid
    case sms

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
