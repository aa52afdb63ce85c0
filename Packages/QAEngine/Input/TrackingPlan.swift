/// The campaign's UTM tracking plan: which links are tracked and what their parameters must say.
///
/// Wire keys: `source`, `medium`, `campaign`, `content`, `term`, `tracked_domains`, `lowercase`.
public struct TrackingPlan: Sendable, Hashable, Codable {
    /// Expected `utm_source` (e.g. `newsletter`).
    public var source: String
    /// Expected `utm_medium` (e.g. `email`).
    public var medium: String
    /// Expected `utm_campaign` (e.g. `spring-launch-2026`).
    public var campaign: String
    /// Expected `utm_content`, when the plan fixes it.
    public var content: String?
    /// Expected `utm_term`, when the plan fixes it.
    public var term: String?
    /// Hosts whose links must be tracked (a host matches itself and its subdomains); empty means every
    /// http(s) link except unsubscribe and preference links.
    public var trackedDomains: [String]
    /// When true, UTM keys and values must be lower case.
    public var lowercase: Bool

    /// Creates a tracking plan.
    public init(
        source: String, medium: String, campaign: String, content: String? = nil, term: String? = nil,
        trackedDomains: [String] = [], lowercase: Bool = true
    ) {
        self.source = source
        self.medium = medium
        self.campaign = campaign
        self.content = content
        self.term = term
        self.trackedDomains = trackedDomains
        self.lowercase = lowercase
    }

    /// The parameters every tracked link must carry, with their expected values.
    var expectations: [(key: String, value: String)] {
        [("utm_source", source), ("utm_medium", medium), ("utm_campaign", campaign)]
            + [content.map { ("utm_content", $0) }, term.map { ("utm_term", $0) }].compactMap { $0 }
    }

    /// True when a link to `host` must carry UTM parameters.
    func tracks(host: String) -> Bool {
        guard !trackedDomains.isEmpty else { return true }
        let host = host.lowercased()
        return trackedDomains.contains { domain in
            let domain = domain.lowercased()
            return host == domain || host.hasSuffix("." + domain)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case source
        case medium
        case campaign
        case content
        case term
        case trackedDomains = "tracked_domains"
        case lowercase
    }
}
