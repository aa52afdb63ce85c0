import CoreMetrics
import Dispatch
import Logging
import Synchronization
import ZeroMQ

/// The Marquee bus broker: durable, replayable pub/sub over ZeroMQ.
///
/// Publishers send `[topic, payload, id]` to the ingress ROUTER; the broker appends each to the journal
/// and acknowledges with its global seq only once the batch is durable under the flush policy, then fans
/// it out on the XPUB as `[topic, seq, payload]`. The control ROUTER replays the journal from any seq.
/// All sockets and the journal live on one dedicated thread; this class is the thread-safe handle to it.
///
/// ```swift
/// let broker = Broker(configuration: BrokerConfiguration(journalDirectory: "var/bus"), logger: logger)
/// let endpoints = try await broker.start()   // journal recovered, sockets bound
/// …
/// broker.stop()
/// try await broker.waitUntilStopped()
/// ```
public final class Broker: Sendable {
    /// The endpoints the broker actually bound (ports resolved when configured as `*`).
    public struct Endpoints: Sendable, Equatable {
        public let ingress: String
        public let fanout: String
        public let control: String
        public let group: String
    }

    enum Command: Sendable {
        case stop
    }

    private enum Phase {
        case idle
        case starting(CheckedContinuation<Endpoints, any Error>)
        case running
        case stopped(Result<Void, BrokerError>)
    }

    public let configuration: BrokerConfiguration
    private let logger: Logger
    private let metricsFactory: any MetricsFactory
    /// The loop's last health report and when it arrived (uptime nanoseconds).
    private let lastReport = Mutex<(health: BrokerHealth, at: UInt64)?>(nil)
    private let mailbox: Mailbox<Command>
    private let phase = Mutex<Phase>(.idle)
    private let stopWaiters = Mutex<[CheckedContinuation<Void, any Error>]>([])

    /// A broker that reports its metrics (``BrokerMetricName``) through `metrics`, by default the process's
    /// bootstrapped swift-metrics backend.
    public init(configuration: BrokerConfiguration, logger: Logger, metrics: any MetricsFactory = MetricsSystem.factory) throws {
        self.configuration = configuration
        self.logger = logger
        self.metricsFactory = metrics
        self.mailbox = try Mailbox()
    }

    /// Recovers the journal, binds the sockets and starts serving on a dedicated thread.
    /// Returns the bound endpoints once the broker is ready; throws if it cannot start.
    public func start() async throws -> Endpoints {
        try await withCheckedThrowingContinuation { continuation in
            let alreadyStarted = phase.withLock { phase -> Bool in
                guard case .idle = phase else { return true }
                phase = .starting(continuation)
                return false
            }
            if alreadyStarted {
                continuation.resume(throwing: BrokerError.alreadyStarted)
                return
            }
            SocketThread.start(name: "marquee-broker") { [self] in serve() }
        }
    }

    /// Asks the broker to stop; `waitUntilStopped` returns once it has closed its sockets and journal.
    public func stop() {
        mailbox.post(.stop)
    }

    /// Waits until the broker's thread has ended; rethrows the error that ended it, if any.
    public func waitUntilStopped() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let result: Result<Void, BrokerError>? = phase.withLock { phase in
                if case .stopped(let result) = phase { return result }
                stopWaiters.withLock { $0.append(continuation) }
                return nil
            }
            if let result { continuation.resume(with: result) }
        }
    }

    /// Whether the broker is serving, from its loop's last report: `stalled` when the loop has not
    /// reported for five head intervals (at least 5 s).
    public func health() -> BrokerHealth {
        let running = phase.withLock { phase -> BrokerHealth.Status? in
            switch phase {
            case .idle, .starting: .starting
            case .running: nil
            case .stopped: .stopped
            }
        }
        guard let report = lastReport.withLock({ $0 }) else { return .unknown(running ?? .starting) }
        var health = report.health
        let age = Int64((DispatchTime.now().uptimeNanoseconds - report.at) / 1_000_000)
        health.reportAgeMilliseconds = age
        health.status = running ?? (age > max(5000, 5 * Int64(configuration.headIntervalMilliseconds)) ? .stalled : .ok)
        return health
    }

    /// Starts the broker and runs it until the task is cancelled or the broker fails.
    public func run() async throws {
        _ = try await start()
        try await withTaskCancellationHandler {
            try await waitUntilStopped()
        } onCancel: {
            stop()
        }
    }

    private func serve() {
        finish(runLoop())
    }

    /// Runs the loop to its end. The loop — sockets, journals and their directory locks — is gone when this
    /// returns, so a broker started on the same data right after `waitUntilStopped` can open it.
    private func runLoop() -> Result<Void, BrokerError> {
        let loop: BrokerLoop
        do {
            loop = try BrokerLoop(
                configuration: configuration, mailbox: mailbox, metrics: metricsFactory,
                reportHealth: { [weak self] health in
                    self?.lastReport.withLock { $0 = (health, DispatchTime.now().uptimeNanoseconds) }
                }, logger: logger)
        } catch {
            return .failure(BrokerError.startFailed(String(describing: error)))
        }
        let ready = phase.withLock { phase -> CheckedContinuation<Endpoints, any Error>? in
            guard case .starting(let continuation) = phase else { return nil }
            phase = .running
            return continuation
        }
        ready?.resume(returning: loop.endpoints)
        do {
            try loop.run()
            return .success(())
        } catch {
            logger.critical("broker stopped on an error", metadata: ["error": "\(error)"])
            return .failure(BrokerError.failed(String(describing: error)))
        }
    }

    private func finish(_ result: Result<Void, BrokerError>) {
        let starting = phase.withLock { phase -> CheckedContinuation<Endpoints, any Error>? in
            defer { phase = .stopped(result) }
            if case .starting(let continuation) = phase { return continuation }
            return nil
        }
        if case .failure(let error) = result { starting?.resume(throwing: error) }
        let waiters = stopWaiters.withLock { waiters in
            defer { waiters.removeAll() }
            return waiters
        }
        for waiter in waiters { waiter.resume(with: result) }
    }
}

/// Why a broker could not start or stopped on its own.
public enum BrokerError: Error, Equatable, Sendable, CustomStringConvertible {
    case alreadyStarted
    case startFailed(String)
    case failed(String)

    public var description: String {
        switch self {
        case .alreadyStarted: "the broker was already started"
        case .startFailed(let reason): "the broker could not start: \(reason)"
        case .failed(let reason): "the broker stopped on an error: \(reason)"
        }
    }
}
