import Domain
import Foundation

/// A request, logged to a document owner, for a template the library does not have.
public struct TemplateRequest: Sendable, Hashable {
    /// The template's name as it was asked for ("webinar").
    public var name: String
    /// The campaign it was asked for, if any.
    public var campaignID: CampaignID?
    /// Who asked.
    public var requestedBy: UserID
    /// Who is asked to provide it: the owner of the library's templates.
    public var owner: UserID
    /// When it was asked.
    public var at: Date

    /// Creates a request entry.
    public init(name: String, campaignID: CampaignID?, requestedBy: UserID, owner: UserID, at: Date) {
        self.name = name
        self.campaignID = campaignID
        self.requestedBy = requestedBy
        self.owner = owner
        self.at = at
    }
}
