/// An email to check: its HTML and the envelope fields a marketer writes.
///
/// Wire keys: `html`, `subject`, `preheader`, `plain_text`, `kind`.
public struct EmailDocument: Sendable, Hashable, Codable {
    /// The HTML body.
    public var html: String
    /// The subject line; nil or empty when not written yet.
    public var subject: String?
    /// The preview text shown after the subject in the inbox.
    public var preheader: String?
    /// The plain-text alternative part, when the email has one.
    public var plainText: String?
    /// Marketing or transactional; decides whether unsubscribe and postal address are required.
    public var kind: EmailKind

    /// Creates an email document.
    public init(
        html: String, subject: String? = nil, preheader: String? = nil, plainText: String? = nil,
        kind: EmailKind = .marketing
    ) {
        self.html = html
        self.subject = subject
        self.preheader = preheader
        self.plainText = plainText
        self.kind = kind
    }

    private enum CodingKeys: String, CodingKey {
        case html
        case subject
        case preheader
        case plainText = "plain_text"
        case kind
    }

    /// Decodes, defaulting a missing `kind` to marketing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        html = try container.decode(String.self, forKey: .html)
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        preheader = try container.decodeIfPresent(String.self, forKey: .preheader)
        plainText = try container.decodeIfPresent(String.self, forKey: .plainText)
        kind = try container.decodeIfPresent(EmailKind.self, forKey: .kind) ?? .marketing
    }
}
