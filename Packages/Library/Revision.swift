import Domain
import Foundation

/// One entry of a document's revision log: who changed it to which version, when.
public struct Revision: Sendable, Hashable {
    /// The document.
    public var path: String
    /// 1 for the first version.
    public var number: Int
    /// The version's content hash.
    public var hash: ContentHash
    /// Who saved it.
    public var author: UserID
    /// When it was saved.
    public var at: Date
    /// What changed, in the author's words.
    public var note: String

    /// Creates a revision entry.
    public init(path: String, number: Int, hash: ContentHash, author: UserID, at: Date, note: String) {
        self.path = path
        self.number = number
        self.hash = hash
        self.author = author
        self.at = at
        self.note = note
    }
}
