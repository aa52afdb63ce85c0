/// What `GET /health` answers: is the service able to do its work.
public struct HealthReport: Sendable, Equatable, Codable {
    /// `ok`, or `degraded` when the store or the bus cannot be reached.
    public enum Status: String, Sendable, Codable {
        case ok
        case degraded
    }

    /// The service name.
    public var service: String
    public var status: Status
    /// Each consumer's last processed bus seq.
    public var inboxLastSeq: [String: UInt64]
    /// Outbox rows not yet published; `nil` when the store could not be read.
    public var outboxBacklog: Int?
    /// Whether the broker answered a PING.
    public var busConnected: Bool
    /// The broker's last stored seq, when it answered.
    public var busHead: UInt64?

    public init(
        service: String, status: Status, inboxLastSeq: [String: UInt64], outboxBacklog: Int?, busConnected: Bool,
        busHead: UInt64?
    ) {
        self.service = service
        self.status = status
        self.inboxLastSeq = inboxLastSeq
        self.outboxBacklog = outboxBacklog
        self.busConnected = busConnected
        self.busHead = busHead
    }

    private enum CodingKeys: String, CodingKey {
        case service, status
        case inboxLastSeq = "inbox_last_seq"
        case outboxBacklog = "outbox_backlog"
        case busConnected = "bus_connected"
        case busHead = "bus_head"
    }
}
