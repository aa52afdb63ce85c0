/// What the broker tells `/health`: whether its loop is serving, and where its journal stands.
public struct BrokerHealth: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// The loop reported within the last few seconds.
        case ok
        /// The broker is recovering its journal or binding its sockets.
        case starting
        /// The loop has not reported for several head intervals: it is stuck.
        case stalled
        /// The broker has stopped (cleanly or on an error).
        case stopped
    }

    public var status: Status
    /// The last stored seq.
    public var headSeq: UInt64
    /// The oldest seq retention still keeps.
    public var firstSeq: UInt64
    public var journalBytes: Int64
    public var segments: Int
    /// Queue groups known to the broker.
    public var groups: Int
    /// Milliseconds since the loop last reported (it does so once per head announcement).
    public var reportAgeMilliseconds: Int64

    /// Whether the broker serves: `ok`.
    public var isHealthy: Bool { status == .ok }

    /// A report of `status` with nothing known yet about the journal.
    static func unknown(_ status: Status) -> BrokerHealth {
        BrokerHealth(status: status, headSeq: 0, firstSeq: 0, journalBytes: 0, segments: 0, groups: 0, reportAgeMilliseconds: 0)
    }

    enum CodingKeys: String, CodingKey {
        case status, segments, groups
        case headSeq = "head_seq"
        case firstSeq = "first_seq"
        case journalBytes = "journal_bytes"
        case reportAgeMilliseconds = "report_age_ms"
    }
}
