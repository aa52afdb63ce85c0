/// The metadata keys every Marquee log line uses for message identifiers (dotted, as swift-log recommends).
public enum LogKey {
    /// The CloudEvents id of the message being handled.
    public static let eventID = "event.id"
    /// Its type (topic), e.g. `campaign.intake.held`.
    public static let eventType = "event.type"
    /// The id of the first event of its chain.
    public static let correlationID = "correlation.id"
    /// The id of the event that caused it.
    public static let causationID = "causation.id"
    /// The campaign it is about.
    public static let campaignID = "campaign.id"
    /// Its global bus sequence number.
    public static let busSeq = "bus.seq"
    /// The service that logs.
    public static let service = "service"
    /// A consumer's name (its inbox key).
    public static let consumer = "consumer"
    /// An error's description.
    public static let error = "error"
    /// A dead-letter reason.
    public static let reason = "reason"
}
