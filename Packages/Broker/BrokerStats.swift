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

/// The `STATS` reply: the journal's state, the policy in force and the counters.
struct BrokerStatsReport: Codable, Sendable {
    var firstSeq: UInt64
    var lastSeq: UInt64
    var segments: Int
    var journalBytes: Int64
    var flush: String
    var dedupeIDs: Int
    var counters: BrokerStats

    enum CodingKeys: String, CodingKey {
        case segments, flush, counters
        case firstSeq = "first_seq"
        case lastSeq = "last_seq"
        case journalBytes = "journal_bytes"
        case dedupeIDs = "dedupe_ids"
    }
}
