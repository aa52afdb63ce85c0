import Domain
import Foundation

/// The answer to "give me the <name> template for <campaign>".
public enum TemplateHandout: Sendable, Hashable {
    /// The template's current version, filled with the campaign's fields when a campaign was given.
    case rendered(template: LibraryDocument, text: String, unfilled: [String])
    /// No such template: the request logged to the owner (the caller raises the flag event).
    case missing(TemplateRequest)
}
