import Domain

/// Limits and policies of the email checks; `.standard` holds the values in `docs/qa-rules.md`.
public struct QAOptions: Sendable, Hashable {
    /// Subject lines longer than this (in characters) are cut off on phones.
    public var maxSubjectLength = 60
    /// Preheaders longer than this (in characters) are cut off in the inbox.
    public var maxPreheaderLength = 110
    /// Gmail clips HTML above this many bytes (102 KB).
    public var clippingBytes = 102 * 1024
    /// HTML larger than this is not parsed; it gets one finding instead.
    public var maxParsedBytes = 64 * 1024 * 1024
    /// An email with images needs at least this many visible text characters…
    public var minTextBytes = 200
    /// …and at least this many per image, or it is flagged as image-heavy.
    public var minTextBytesPerImage = 150
    /// Merge tags your sending platform fills in (e.g. `*|UNSUB|*`); others are reported.
    public var allowedMergeTags: Set<String> = []
    /// The sender's postal address; when set, it must appear in the email (white space and case ignored).
    public var postalAddress: String?
    /// Spec for images used in email (weight limit); nil skips the weight check.
    public var emailSpec: ChannelSpec? = Rules.builtIn.channelSpecs[.email]
    /// Clients whose CSS support is checked.
    public var clients: EmailClients = .all
    /// At most this many findings per rule; the rest are summed up in one finding.
    public var findingsPerRule = 50

    /// The default policy.
    public static let standard = QAOptions()

    /// Creates the default policy; adjust properties after.
    public init() {}
}
