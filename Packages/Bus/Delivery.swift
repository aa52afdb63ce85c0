/// One record delivered to a subscriber: its global seq, topic and payload (CloudEvents JSON by convention).
public struct Delivery: Sendable, Equatable {
    public let seq: UInt64
    public let topic: String
    public let payload: [UInt8]

    public init(seq: UInt64, topic: String, payload: [UInt8]) {
        self.seq = seq
        self.topic = topic
        self.payload = payload
    }
}
