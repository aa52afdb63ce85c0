import Foundation

/// What a library document is. Wire values: `"template"`, `"sop"`.
public enum DocumentKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A template a campaign's documents are generated from (brief, design request, report…).
    case template
    /// A standard operating procedure.
    case sop
}
