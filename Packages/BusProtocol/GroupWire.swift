/// Frames of the queue-group protocol on the broker's group endpoint (see docs/protocol.md, "Queue groups").
///
/// A worker's DEALER sends `[command, group, …]`; the broker answers and sends work the same way.
public enum GroupWire {
    /// `[JOIN, group, prefix, from-seq, credit(u32), max-attempts(u32), lease-ms(u32)]` →
    /// `[JOINED, group, cursor-seq]`. The first JOIN of a group fixes its prefix, start seq, attempts and lease.
    /// A worker is known by its DEALER's routing id (`ZMQ_ROUTING_ID`), which it keeps across reconnects.
    public static let join = "JOIN"
    public static let joined = "JOINED"
    /// Broker → worker: `[WORK, group, seq, attempt(u32), topic, payload]`; uses one credit.
    public static let work = "WORK"
    /// `[ACK, group, seq]` → `[ACKED, group, seq]` once the ack is durable; returns one credit.
    public static let ack = "ACK"
    public static let acked = "ACKED"
    /// `[NACK, group, seq, reason]` → `[NACKED, group, seq]`; the message goes to another worker or, after
    /// max-attempts, to `deadletter.<topic>`; returns one credit.
    public static let nack = "NACK"
    public static let nacked = "NACKED"
    /// `[CREDIT, group, n(u32)]`: the worker can take `n` more messages.
    public static let credit = "CREDIT"
    /// `[HEARTBEAT, group]` both ways, every second; a worker silent for the group's worker timeout is
    /// dropped and its leases are released at once.
    public static let heartbeat = "HEARTBEAT"
    /// `[LEAVE, group]`: releases the worker's leases for redelivery.
    public static let leave = "LEAVE"

    /// Why the group endpoint refused a request: `[ERR, group, code, sentence]`, plus `[seq]` for `lease_lost`.
    public enum ErrorCode: String, Sendable, CaseIterable {
        /// Missing or malformed frames.
        case badRequest = "bad_request"
        /// A command from a worker that has not joined the group (or was dropped as dead): JOIN again.
        case notJoined = "not_joined"
        /// An ACK or NACK for a seq this worker does not hold (its lease expired and went to another worker).
        case leaseLost = "lease_lost"
        /// A command the group endpoint does not know.
        case unknownCommand = "unknown_command"
    }
}
