/// A channel that reaches one person: their email address, or their dashboard inbox.
public enum PersonalChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case email
    case inbox
}
