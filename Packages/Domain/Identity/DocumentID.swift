import Foundation

/// Identifies a document of a campaign (brief, email, landing page, asset) across all of its versions.
///
/// On the wire it is a plain JSON string, e.g. `"email-main"`.
public struct DocumentID: StringIdentifier {
    /// The identifier text.
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
}
