/// What every benchmark publishes: 1 KB payloads on one topic.
enum Workload {
    static let topic = "campaign.bench.submitted"
    static let payloadBytes = 1024
    /// A 1 KB payload; the broker treats it as opaque bytes.
    static let payload = [UInt8](repeating: UInt8(ascii: "x"), count: payloadBytes)
}
