/// The frames of the bus wire protocol, shared by the broker and every client (see docs/protocol.md).
///
/// Sequence numbers travel as 8-byte big-endian unsigned integers; commands, replies and error codes as
/// ASCII; topics as UTF-8; payloads as opaque bytes (CloudEvents JSON by convention).
public enum BusWire {
    /// Ingress reply: `[OK, id, seq, id, seq, …]`, one (id, seq) pair per acknowledged publish.
    public static let ok = "OK"
    /// Any reply that refuses a request: `[ERR, id-or-request-id, code, sentence]` (+ `detail` seq on `seq_gone`).
    public static let error = "ERR"
    /// Control request `[REPLAY, request-id, from-seq, prefix, max-records(u32) (, "identity")]`.
    public static let replay = "REPLAY"
    /// Optional last REPLAY frame: each record then also carries the identity that published it.
    public static let replayIdentity = "identity"
    /// Control reply `[RECORDS, request-id, through-seq, head-seq, first-seq, (topic, seq, payload)*]`, or
    /// `(topic, seq, payload, identity)*` when the REPLAY asked for `identity`.
    public static let records = "RECORDS"
    /// Control request `[STATS, request-id]`, answered `[STATS, request-id, json]`.
    public static let stats = "STATS"
    /// Control request `[PING, request-id]`, answered `[PONG, request-id, head-seq, first-seq]`.
    public static let ping = "PING"
    /// Control reply to `PING`.
    public static let pong = "PONG"
    /// Fan-out topic on which the broker announces its head seq every heartbeat: `[_bus.head, head-seq, ""]`.
    /// Topics starting with `_` are reserved for the broker; publishers may not use them.
    public static let headTopic = "_bus.head"
    /// Largest topic the broker accepts, in bytes.
    public static let maxTopicBytes = 255
    /// Largest idempotency id the broker accepts, in bytes.
    public static let maxIDBytes = 64

    /// Why the broker refused a request; the raw value is the wire `code` frame.
    public enum ErrorCode: String, Sendable, CaseIterable {
        /// An ingress message without exactly three frames `[topic, payload, id]`.
        case badFrames = "bad_frames"
        /// A topic that is empty, too long, reserved or has characters outside `[a-z0-9._]`.
        case badTopic = "bad_topic"
        /// An id that is empty or longer than `maxIDBytes`.
        case badID = "bad_id"
        /// A payload over the broker's `max_message_bytes`.
        case tooLarge = "too_large"
        /// A publish the sender's identity may not make under the broker's CURVE allowlist: a topic outside
        /// its prefixes, or an envelope `source` that is not one of its own. Nothing was stored.
        case forbidden = "forbidden"
        /// The journal could not store the record (disk full, I/O error); nothing was acknowledged.
        case journalFailure = "journal_failure"
        /// A replay from a seq that retention has already deleted; `detail` holds the first retained seq.
        case seqGone = "seq_gone"
        /// A control request with missing or malformed frames.
        case badRequest = "bad_request"
        /// A control command the broker does not know.
        case unknownCommand = "unknown_command"
        /// A journal record failed its CRC check during replay.
        case corruptJournal = "corrupt_journal"
    }

    /// The 8-byte big-endian form of `seq`.
    public static func encode(_ seq: UInt64) -> [UInt8] {
        withUnsafeBytes(of: seq.bigEndian) { Array($0) }
    }

    /// The seq in an 8-byte big-endian frame, or `nil` if the frame is not 8 bytes.
    public static func decodeSeq(_ frame: some Collection<UInt8>) -> UInt64? {
        guard frame.count == 8 else { return nil }
        return frame.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// The 4-byte big-endian form of `count`.
    public static func encode(count: UInt32) -> [UInt8] {
        withUnsafeBytes(of: count.bigEndian) { Array($0) }
    }

    /// The count in a 4-byte big-endian frame, or `nil` if the frame is not 4 bytes.
    public static func decodeCount(_ frame: some Collection<UInt8>) -> UInt32? {
        guard frame.count == 4 else { return nil }
        return frame.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// Whether `topic` may be published: 1…255 bytes of `[a-z0-9._]`, starting with a letter.
    /// This is the broker's cheap byte check; `Topic` holds the full naming rules.
    public static func isPublishable(topic: UnsafeRawBufferPointer) -> Bool {
        guard let first = topic.first, topic.count <= maxTopicBytes, first >= 0x61, first <= 0x7A else {
            return false
        }
        for byte in topic {
            let ok = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x5F
            if !ok { return false }
        }
        return true
    }
}
