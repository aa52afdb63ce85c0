import ZeroMQ

/// A plain SUB on the broker's fan-out, on a thread of its own, counting `[topic, seq, payload]` records
/// and checking their seqs: the broker's fan-out capacity, without the Bus library's `Subscriber`.
struct RawSubscriber: Sendable {
    let fanout: String

    /// Subscribes, calls `whenSubscribed` once the broker's head announcement shows the subscription is
    /// live, then receives until seq `count` arrived or nothing came for `idleSeconds`.
    /// Returns the seq check and the time from `whenSubscribed` to the last record.
    func receive(
        count: Int, idleSeconds: Int = 5, whenSubscribed: @escaping @Sendable () -> Void
    ) async throws -> (SeqCheck, Throughput) {
        let fanout = fanout
        return try await DedicatedThread.run(name: "bench-raw-subscriber") {
            try Self.receive(fanout: fanout, count: count, idleSeconds: idleSeconds, whenSubscribed: whenSubscribed)
        }
    }

    private static func receive(
        fanout: String, count: Int, idleSeconds: Int, whenSubscribed: () -> Void
    ) throws -> (SeqCheck, Throughput) {
        let context = try Context()
        let sub = try Socket(context, .subscribe)
        defer { sub.close() }
        try sub.setReceiveHighWaterMark(0)
        try sub.subscribe([])
        try sub.connect(fanout)
        let poller = Poller()
        poller.add(sub, .readable)
        var frame = Message()
        var subscribed = false
        defer { if !subscribed { whenSubscribed() } }
        var check = SeqCheck()
        let clock = ContinuousClock()
        var start = clock.now
        var last = start
        while check.next <= UInt64(count) {
            guard try frame.receive(from: sub, dontWait: true) else {
                if try poller.poll(timeoutMilliseconds: idleSeconds * 1000) == 0 { break }
                continue
            }
            let isHead = frame.withUnsafeBytes { $0.first == UInt8(ascii: "_") }
            var seq: UInt64 = 0
            if frame.more {
                _ = try frame.receive(from: sub)
                seq = frame.withUnsafeBytes { $0.count == 8 ? $0.loadUnaligned(as: UInt64.self).bigEndian : 0 }
            }
            while frame.more { _ = try frame.receive(from: sub) }
            if isHead {
                if !subscribed {
                    subscribed = true
                    start = clock.now
                    whenSubscribed()
                }
                continue
            }
            check.saw(seq)
            last = clock.now
        }
        return (check, Throughput(messages: check.received, seconds: (last - start).seconds))
    }
}
