/// Everything a broker needs to start: where to listen, where the journal lives, and its limits.
public struct BrokerConfiguration: Sendable {
    /// Where publishers connect a DEALER and send `[topic, payload, id]`.
    public var ingressEndpoint: String
    /// Where subscribers connect a SUB and receive `[topic, seq, payload]`.
    public var fanoutEndpoint: String
    /// Where clients send REPLAY, STATS and PING requests from a DEALER.
    public var controlEndpoint: String
    /// Where queue-group workers connect a DEALER (JOIN, WORK, ACK, NACK…).
    public var groupEndpoint: String
    /// The journal's directory (queue-group state is kept in its `groups` subdirectory).
    public var journalDirectory: String
    /// Segment size, index spacing, retention and flush policy of the journal.
    public var journal: JournalOptions
    /// Largest payload accepted; bigger ones get `too_large`, and a frame over twice this drops the peer.
    public var maxMessageBytes: Int
    /// Most publishes drained into one journal batch (one write, one fsync).
    public var maxBatch: Int
    /// How long a publish id is remembered for deduplication, in milliseconds.
    public var dedupeWindowMilliseconds: Int64
    /// Most publish ids remembered for deduplication.
    public var dedupeCapacity: Int
    /// Messages queued per subscriber before fan-out drops (the subscriber then replays the gap).
    public var fanoutHighWaterMark: Int
    /// Most records in one RECORDS reply, and most bytes of payload in one.
    public var replayMaxRecords: Int
    public var replayMaxBytes: Int
    /// How often the broker announces its head seq on `_bus.head`, in milliseconds.
    public var headIntervalMilliseconds: Int
    /// ZMTP heartbeat interval on the ingress, control and group sockets, in milliseconds; a silent peer is
    /// dropped after 3 intervals. The fanout relies on TCP keepalive (see `BrokerLoop`).
    public var heartbeatMilliseconds: Int
    /// How often retention runs, in milliseconds.
    public var retentionCheckMilliseconds: Int
    /// The queue groups' journal (`<journal>/groups`) is compacted to a snapshot of their state past this size.
    public var groupJournalCompactBytes: Int64 = 64 << 20
    /// CURVE on every endpoint with this allowlist; `nil` serves plain TCP (development only).
    public var security: BrokerSecurity?

    /// The largest `maxMessageBytes` a broker accepts: the journal stores records up to 64 MiB.
    public static let maxMessageBytesLimit = 63 << 20

    public init(
        ingressEndpoint: String = "tcp://127.0.0.1:7701",
        fanoutEndpoint: String = "tcp://127.0.0.1:7702",
        controlEndpoint: String = "tcp://127.0.0.1:7703",
        groupEndpoint: String = "tcp://127.0.0.1:7704",
        journalDirectory: String,
        journal: JournalOptions = JournalOptions(),
        maxMessageBytes: Int = 1 << 20,
        maxBatch: Int = 1024,
        dedupeWindowMilliseconds: Int64 = 15 * 60 * 1000,
        dedupeCapacity: Int = 262_144,
        fanoutHighWaterMark: Int = 10_000,
        replayMaxRecords: Int = 1000,
        replayMaxBytes: Int = 1 << 20,
        headIntervalMilliseconds: Int = 1000,
        heartbeatMilliseconds: Int = 1000,
        retentionCheckMilliseconds: Int = 30_000,
        security: BrokerSecurity? = nil
    ) {
        self.ingressEndpoint = ingressEndpoint
        self.fanoutEndpoint = fanoutEndpoint
        self.controlEndpoint = controlEndpoint
        self.groupEndpoint = groupEndpoint
        self.journalDirectory = journalDirectory
        self.journal = journal
        self.maxMessageBytes = maxMessageBytes
        self.maxBatch = maxBatch
        self.dedupeWindowMilliseconds = dedupeWindowMilliseconds
        self.dedupeCapacity = dedupeCapacity
        self.fanoutHighWaterMark = fanoutHighWaterMark
        self.replayMaxRecords = replayMaxRecords
        self.replayMaxBytes = replayMaxBytes
        self.headIntervalMilliseconds = headIntervalMilliseconds
        self.heartbeatMilliseconds = heartbeatMilliseconds
        self.retentionCheckMilliseconds = retentionCheckMilliseconds
        self.security = security
    }
}
