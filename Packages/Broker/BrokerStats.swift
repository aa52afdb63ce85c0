/// Counters the broker keeps and reports on `STATS` (JSON, snake_case keys).
struct BrokerStats: Codable, Sendable {
    var published: UInt64 = 0
    var duplicates: UInt64 = 0
    var rejected: UInt64 = 0
    var publishedBytes: UInt64 = 0
    var batches: UInt64 = 0
    var commitNanosecondsTotal: UInt64 = 0
    var commitNanosecondsMax: UInt64 = 0
    var replayRequests: UInt64 = 0
    var replayedRecords: UInt64 = 0
    var subscriptions: Int = 0

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
struct GroupStats: Codable, Sendable {
    var name: String
    var cursor: UInt64
    /// Journal records after the cursor not yet looked at (those of other topics included).
    var unscanned: UInt64
    var leases: Int
    var waitingRedelivery: Int
    var workers: [String]
    var acked: UInt64
    var redeliveries: UInt64
    var deadLetters: UInt64
    /// Age of the oldest lease, in milliseconds (0 when none).
    var oldestLeaseMilliseconds: Int64

    enum CodingKeys: String, CodingKey {
        case name, cursor, unscanned, leases, workers, acked, redeliveries
        case waitingRedelivery = "waiting_redelivery"
        case deadLetters = "dead_letters"
        case oldestLeaseMilliseconds = "oldest_lease_ms"
    }
}

/// The `STATS` reply: the journal's state, the policy in force, the counters and the queue groups.
struct BrokerStatsReport: Codable, Sendable {
    var firstSeq: UInt64
    var lastSeq: UInt64
    var segments: Int
    var journalBytes: Int64
    var flush: String
    var dedupeIDs: Int
    var counters: BrokerStats
    var groups: [GroupStats]

    enum CodingKeys: String, CodingKey {
        case segments, flush, counters, groups
        case firstSeq = "first_seq"
        case lastSeq = "last_seq"
        case journalBytes = "journal_bytes"
        case dedupeIDs = "dedupe_ids"
    }
}
