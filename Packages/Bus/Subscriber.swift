import Logging
import Synchronization
import ZeroMQ

/// Every record whose topic starts with one of `prefixes`, from a given seq on, exactly once and in
/// seq order — across slow consumption, dropped live messages and broker restarts.
///
/// It replays from the journal first, then follows the live stream; any gap in seqs (a drop past the
/// high-water mark, a restart, a lost tail revealed by the broker's head announcement) is filled by
/// replay before anything after it is delivered.
///
/// ```swift
/// let subscriber = try Subscriber(endpoints: .local(), prefixes: ["campaign."], from: .seq(1), logger: logger)
/// for try await delivery in subscriber { handle(delivery) }
/// ```
///
/// `Sendable`: the sockets live on the subscriber's own thread; the iterator only reads a channel.
public final class Subscriber: AsyncSequence, Sendable {
    public typealias Element = Delivery

    /// Where the subscription starts.
    public enum Start: Sendable, Equatable {
        /// From this seq on (1 = the beginning of the journal).
        case seq(UInt64)
        /// From the next record the broker stores.
        case live
    }

    /// Tuning for a subscriber.
    public struct Options: Sendable {
        /// Deliveries buffered between the socket thread and the consumer.
        public var bufferSize: Int
        /// Most records asked for in one replay request.
        public var replayBatch: UInt32
        /// A replay request unanswered for this long is sent again, in milliseconds.
        public var requestTimeoutMilliseconds: Int
        /// Live messages queued in the SUB socket before the broker drops for this subscriber.
        public var receiveHighWaterMark: Int
        /// ZMTP heartbeat interval on the control connection, in milliseconds.
        public var heartbeatMilliseconds: Int
        /// With nothing from the fan-out for this long (the broker announces its head every second), the
        /// subscriber reconnects it, in milliseconds.
        public var silenceTimeoutMilliseconds: Int

        public init(
            bufferSize: Int = 4096, replayBatch: UInt32 = 1000, requestTimeoutMilliseconds: Int = 1000,
            receiveHighWaterMark: Int = 10_000, heartbeatMilliseconds: Int = 1000, silenceTimeoutMilliseconds: Int = 5000
        ) {
            self.bufferSize = bufferSize
            self.replayBatch = replayBatch
            self.requestTimeoutMilliseconds = requestTimeoutMilliseconds
            self.receiveHighWaterMark = receiveHighWaterMark
            self.heartbeatMilliseconds = heartbeatMilliseconds
            self.silenceTimeoutMilliseconds = silenceTimeoutMilliseconds
        }
    }

    private let channel: HandoffChannel<Delivery>
    private let stopped: Atomic<Bool>
    private let state: SubscriberLoop.Shared

    /// Connects to the broker's fan-out and control endpoints and starts the subscriber's thread.
    public init(
        endpoints: BusEndpoints, prefixes: [String] = [""], from start: Start, options: Options = Options(),
        logger: Logger
    ) throws {
        channel = HandoffChannel<Delivery>(capacity: options.bufferSize)
        state = SubscriberLoop.Shared()
        stopped = Atomic(false)
        let loop = try SubscriberLoop(
            endpoints: endpoints, prefixes: prefixes, start: start, options: options, channel: channel,
            shared: state, logger: logger)
        SocketThread.start(name: "marquee-subscriber") { loop.run() }
    }

    deinit {
        close()
    }

    /// Stops the subscription; iteration ends after what is already buffered.
    public func close() {
        state.stop()
    }

    /// The seq after the last record delivered to the channel (every earlier match was delivered).
    public var nextSeq: UInt64 { state.nextSeq }

    public func makeAsyncIterator() -> Iterator {
        Iterator(subscriber: self)
    }

    /// Keeps its subscriber alive while iterating: dropping the last other reference must not close it mid-loop.
    public struct Iterator: AsyncIteratorProtocol {
        let subscriber: Subscriber

        public mutating func next() async throws -> Delivery? {
            try await subscriber.channel.next()
        }
    }
}
