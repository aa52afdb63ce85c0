import Foundation

/// One dated entry of a request's timeline, e.g. "assets final" on 2026-02-20.
///
/// Wire: `{"name": "assets final", "due": "2026-02-20"}`.
public struct Milestone: Sendable, Hashable, Codable {
    /// What is due.
    public var name: String
    /// The day it is due.
    public var due: Day

    /// Creates a milestone.
    public init(name: String, due: Day) {
        self.name = name
        self.due = due
    }

    private enum CodingKeys: String, CodingKey {
        case name
        case due
    }
}
