/// One data row of an audience list as checked, handed to the row callback.
public struct AudienceRow: Sendable, Hashable {
    /// The line the record starts on (the header is line 1).
    public var line: Int
    /// The fields, decoded (Latin-1 bytes are converted to UTF-8).
    public var fields: [String]
    /// The email field, trimmed, if the row has one.
    public var email: String?
    /// What is wrong with the row.
    public var findings: [Finding]
    /// True when the row goes into the cleaned list.
    public var kept: Bool
}
