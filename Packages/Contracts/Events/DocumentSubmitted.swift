import Domain
import Foundation

/// `campaign.document.submitted`: someone hands in a version of a campaign document (brief, email,
/// asset). The build station stores the bytes content-addressed, logs the version and asks the owning
/// station to revise the campaign's documents.
public struct DocumentSubmitted: Event {
    public static let topic: Topic = "campaign.document.submitted"

    /// The campaign.
    public var campaignID: CampaignID
    /// Which document, e.g. `email-main`.
    public var document: DocumentID
    /// The template the document is made from, e.g. `email/newsletter`; checked against the library.
    public var template: String?
    /// The media type, e.g. `text/html`.
    public var mediaType: String
    /// The bytes (base64 on the wire).
    public var content: Data
    /// Who submitted it.
    public var submittedBy: UserID

    /// Creates the event.
    public init(campaignID: CampaignID, document: DocumentID, template: String? = nil, mediaType: String,
                content: Data, submittedBy: UserID) {
        self.campaignID = campaignID
        self.document = document
        self.template = template
        self.mediaType = mediaType
        self.content = content
        self.submittedBy = submittedBy
    }

    public var subject: CampaignID? { campaignID }

    public static var schema: JSONSchema {
        JSONSchema.object(
            required: [
                "campaign_id": CampaignID.jsonSchema, "document": JSONSchema.string(minLength: 1),
                "media_type": JSONSchema.string(minLength: 1),
                "content": JSONSchema.string().described("The document's bytes, base64"),
                "submitted_by": UserID.jsonSchema,
            ], optional: ["template": JSONSchema.string(minLength: 1)]
        ).described("A document version handed in")
    }

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case document, template
        case mediaType = "media_type"
        case content
        case submittedBy = "submitted_by"
    }
}
