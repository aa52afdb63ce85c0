/// The Prometheus names of the broker's metrics (`marquee-bus --http HOST:PORT` serves them on `/metrics`).
public enum BrokerMetricName {
    /// Counter: records stored in the journal.
    public static let published = "marquee_bus_published_total"
    /// Counter: payload bytes stored in the journal (bytes in).
    public static let publishedBytes = "marquee_bus_published_bytes_total"
    /// Counter: publishes answered from the dedupe window instead of being stored again.
    public static let duplicates = "marquee_bus_duplicate_publishes_total"
    /// Counter: publishes refused (bad frames, topic or id, too large, forbidden).
    public static let rejected = "marquee_bus_rejected_publishes_total"
    /// Counter: REPLAY requests served.
    public static let replayRequests = "marquee_bus_replay_requests_total"
    /// Counter: records sent in REPLAY answers.
    public static let replayedRecords = "marquee_bus_replayed_records_total"
    /// Histogram `{journal="messages"|"groups"}`: time to write and (under `--flush fsync`) fdatasync one batch.
    public static let commitSeconds = "marquee_bus_commit_seconds"
    /// Gauge: the last stored seq.
    public static let headSeq = "marquee_bus_head_seq"
    /// Gauge: the oldest seq retention still keeps.
    public static let firstSeq = "marquee_bus_first_seq"
    /// Gauge: bytes in the journal's segment files.
    public static let journalBytes = "marquee_bus_journal_bytes"
    /// Gauge: segment files in the journal.
    public static let journalSegments = "marquee_bus_journal_segments"
    /// Gauge: publish ids remembered for deduplication.
    public static let dedupeIDs = "marquee_bus_dedupe_ids"
    /// Gauge: live fan-out subscriptions (one per subscribed prefix of each subscriber).
    public static let subscriptions = "marquee_bus_subscriptions"
    /// Gauge: bytes in the queue groups' journal (`<data>/groups`), which compaction keeps bounded.
    public static let groupJournalBytes = "marquee_bus_group_journal_bytes"
    /// Counter: compactions of the queue groups' journal.
    public static let groupJournalCompactions = "marquee_bus_group_journal_compactions_total"
    /// Gauge `{group}`: journal records after the group's cursor, not yet looked at (the lag; records of
    /// other topics count too, so it is an upper bound).
    public static let groupLag = "marquee_bus_group_lag_records"
    /// Gauge `{group}`: records leased to workers and not yet acked (in flight).
    public static let groupLeases = "marquee_bus_group_leases"
    /// Gauge `{group}`: records waiting to be redelivered.
    public static let groupWaiting = "marquee_bus_group_waiting_redelivery"
    /// Gauge `{group}`: workers joined.
    public static let groupWorkers = "marquee_bus_group_workers"
    /// Counter `{group}`: records acked since the broker started.
    public static let groupAcked = "marquee_bus_group_acked_total"
    /// Counter `{group}`: redeliveries after a nack, an expired lease or a lost worker.
    public static let groupRedeliveries = "marquee_bus_group_redeliveries_total"
    /// Counter `{group}`: records dead-lettered after max attempts.
    public static let groupDeadLetters = "marquee_bus_group_dead_letters_total"
}
