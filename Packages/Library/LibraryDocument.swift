import Domain
import Foundation

/// The current version of one library document.
public struct LibraryDocument: Sendable, Hashable {
    /// The document's path, e.g. `template/campaign_brief` or `sop/escalations`.
    public var path: String
    /// Its title, e.g. "Campaign Brief".
    public var title: String
    /// Template or SOP.
    public var kind: DocumentKind
    /// Who is responsible for it; a missing template is requested from them.
    public var owner: UserID
    /// The hash of the current version's body.
    public var hash: ContentHash
    /// The current body.
    public var body: String

    /// Creates a document value.
    public init(path: String, title: String, kind: DocumentKind, owner: UserID, hash: ContentHash, body: String) {
        self.path = path
        self.title = title
        self.kind = kind
        self.owner = owner
        self.hash = hash
        self.body = body
    }
}
