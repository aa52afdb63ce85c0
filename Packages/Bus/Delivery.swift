/// One record delivered to a subscriber: its global seq, topic and payload (CloudEvents JSON by convention).
public struct Delivery: Sendable, Equatable {
    public let seq: UInt64
    public let topic: String
    public let payload: [UInt8]
    /// The identity that published the record (empty if it was stored without CURVE), when the reader asked
    /// for it (``BusControl/replay(from:prefix:limit:identities:)``); `nil` otherwise.
    public let identity: String?

    public init(seq: UInt64, topic: String, payload: [UInt8], identity: String? = nil) {
        self.seq = seq
        self.topic = topic
        self.payload = payload
        self.identity = identity
    }
}
