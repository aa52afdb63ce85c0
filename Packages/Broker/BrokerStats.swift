/// Counters the broker keeps and reports on `STATS` (JSON, snake_case keys); `marquee stats|lag` read them.
public struct BrokerStats: Codable, Sendable {
    public var published: UInt64 = 0
    public var duplicates: UInt64 = 0
    public var rejected: UInt64 = 0
    public var publishedBytes: UInt64 = 0
    public var batches: UInt64 = 0
    public var commitNanosecondsTotal: UInt64 = 0
    public var commitNanosecondsMax: UInt64 = 0
    public var replayRequests: UInt64 = 0
    public var replayedRecords: UInt64 = 0
    public var subscriptions: Int = 0

    enum CodingKeys: String, CodingKey {
        case published, duplicates, rejected, batches, subscriptions
        case publishedBytes = "published_bytes"
        case commitNanosecondsTotal = "commit_ns_total"
        case commitNanosecondsMax = "commit_ns_max"
        case replayRequests = "replay_requests"
        case replayedRecords = "replayed_records"
    }
}

/// One queue group in the `STATS` reply: how far behind the head it is and what it holds.
public struct GroupStats: Codable, Sendable {
    public var name: String
    public var cursor: UInt64
    /// Journal records after the cursor not yet looked at (those of other topics included).
    public var unscanned: UInt64
    public var leases: Int
    public var waitingRedelivery: Int
    public var workers: [String]
    public var acked: UInt64
    public var redeliveries: UInt64
    public var deadLetters: UInt64
    /// Age of the oldest lease, in milliseconds (0 when none).
    public var oldestLeaseMilliseconds: Int64

    enum CodingKeys: String, CodingKey {
        case name, cursor, unscanned, leases, workers, acked, redeliveries
        case waitingRedelivery = "waiting_redelivery"
        case deadLetters = "dead_letters"
        case oldestLeaseMilliseconds = "oldest_lease_ms"
    }
}

/// The `STATS` reply: the journal's state, the policy in force, the counters and the queue groups.
public struct BrokerStatsReport: Codable, Sendable {
    public var firstSeq: UInt64
    public var lastSeq: UInt64
    public var segments: Int
    public var journalBytes: Int64
    public var flush: String
    public var dedupeIDs: Int
    public var counters: BrokerStats
    public var groups: [GroupStats]

    enum CodingKeys: String, CodingKey {
        case segments, flush, counters, groups
        case firstSeq = "first_seq"
        case lastSeq = "last_seq"
        case journalBytes = "journal_bytes"
        case dedupeIDs = "dedupe_ids"
    }
}
