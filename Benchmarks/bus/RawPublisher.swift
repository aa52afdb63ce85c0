import ZeroMQ

/// Publishes through a plain DEALER on a thread of its own, keeping `window` publishes unacknowledged:
/// the broker's ingress capacity, without the Bus library's `Publisher` in the way.
///
/// Ids are the 8-byte big-endian publish index, so one broker must see one `publish(count:)` per run.
struct RawPublisher: Sendable {
    let ingress: String
    let window: Int
    /// The broker's public key and this client's key pair, for a broker that runs CURVE.
    var curve: (serverKey: String, keys: CurveKeyPair)? = nil
    /// What each publish carries.
    var payload = Workload.payload

    /// Publishes `count` records of `Workload` and returns once every one is acknowledged.
    func publish(count: Int) async throws -> Throughput {
        let (ingress, window, curve, payload) = (ingress, window, curve, payload)
        return try await DedicatedThread.run(name: "bench-raw-publisher") {
            try Self.publish(count: count, ingress: ingress, window: window, curve: curve, payload: payload)
        }
    }

    private static func publish(
        count: Int, ingress: String, window: Int, curve: (serverKey: String, keys: CurveKeyPair)?, payload: [UInt8]
    ) throws -> Throughput {
        let context = try Context()
        let dealer = try Socket(context, .dealer)
        defer { dealer.close() }
        if let curve { try dealer.makeCurveClient(serverKey: curve.serverKey, keys: curve.keys) }
        try dealer.setSendHighWaterMark(0)
        try dealer.setReceiveHighWaterMark(0)
        try dealer.connect(ingress)
        let topic = Array(Workload.topic.utf8)
        let poller = Poller()
        let item = poller.add(dealer, .readable)
        let clock = ContinuousClock()
        let start = clock.now
        var lastProgress = start
        var sent = 0
        var acked = 0
        while acked < count {
            var blocked = false
            while sent < count, sent - acked < window {
                guard try dealer.send(topic, more: true, dontWait: true) else {
                    blocked = true
                    break
                }
                try dealer.send(payload, more: true)
                try withUnsafeBytes(of: UInt64(sent).bigEndian) { _ = try dealer.send($0) }
                sent += 1
            }
            poller.watch(item, blocked ? [.readable, .writable] : .readable)
            try poller.poll(timeoutMilliseconds: 1000)
            let newly = try readAcks(dealer)
            acked += newly
            if newly > 0 {
                lastProgress = clock.now
            } else if clock.now - lastProgress > .seconds(30) {
                throw BenchError("no ack for 30 s after \(acked) of \(count) publishes")
            }
        }
        return Throughput(messages: count, seconds: (clock.now - start).seconds)
    }

    /// Reads every waiting `[OK, id, seq, id, seq, …]` and returns how many publishes they acknowledge.
    private static func readAcks(_ dealer: Socket) throws -> Int {
        var frame = Message()
        var acked = 0
        while try frame.receive(from: dealer, dontWait: true) {
            let isOK = frame.withUnsafeBytes { $0.elementsEqual("OK".utf8) }
            var frames = 0
            while frame.more {
                _ = try frame.receive(from: dealer)
                frames += 1
            }
            guard isOK else { throw BenchError("the broker refused a publish") }
            acked += frames / 2
        }
        return acked
    }
}
