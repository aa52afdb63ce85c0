import Dispatch
import Logging
import Synchronization
import ZeroMQ

/// The broker's ZAP handler (ZeroMQ RFC 27): a REP socket on `inproc://zeromq.zap.01` in the broker's
/// context, on its own thread, that libzmq asks about every CURVE handshake on the broker's sockets.
///
/// A known public key gets `200` with the identity's name as user id (readable on each message as the
/// `User-Id` property); anything else gets `400` and the handshake fails.
///
/// It must be bound before any CURVE server socket accepts a connection and stay bound until they are
/// closed: libzmq 4.3 (without the draft `ZMQ_ZAP_ENFORCE_DOMAIN`) lets a CURVE client in unauthenticated
/// when no handler is bound. `init` returns once it is bound; `stop` (or `deinit`) unbinds it.
final class ZAPHandler: Sendable {
    static let endpoint = "inproc://zeromq.zap.01"

    private let mailbox: Mailbox<Bool>
    private let finished = DispatchSemaphore(value: 0)
    private let running = Mutex(true)

    /// Binds the handler in `context` and starts answering for `clients`; throws if it cannot bind.
    init(context: Context, clients: [ClientIdentity], logger: Logger) throws {
        mailbox = try Mailbox<Bool>()
        let started = StartSignal()
        let directory = ZAPDirectory(clients: clients)
        let (mailbox, finished) = (mailbox, finished)
        SocketThread.start(name: "marquee-zap") { [weak context] in
            if let context {
                Self.serve(context: context, directory: directory, mailbox: mailbox, started: started, logger: logger)
            } else {
                started.fail("the broker's ZeroMQ context is gone")
            }
            finished.signal()
        }
        if let failure = started.wait() {
            finished.wait()
            throw BrokerError.startFailed("the ZAP handler could not start: \(failure)")
        }
    }

    deinit {
        stop()
    }

    /// Unbinds the handler and waits for its thread to end. Idempotent. Call it only after the broker's
    /// CURVE sockets are closed.
    func stop() {
        let wasRunning = running.withLock { running in
            defer { running = false }
            return running
        }
        guard wasRunning else { return }
        mailbox.post(true)
        finished.wait()
    }

    private static func serve(context: Context, directory: ZAPDirectory, mailbox: Mailbox<Bool>, started: StartSignal, logger: Logger) {
        let socket: Socket
        do {
            socket = try Socket(context, .reply)
            try socket.bind(endpoint)
        } catch {
            started.fail("\(error)")
            return
        }
        started.succeed()
        defer { socket.close() }
        var refusals = RefusalLog()
        let poller = Poller()
        let requests = poller.add(socket, .readable)
        let stop = poller.add(fd: mailbox.fileDescriptor, .readable)
        while true {
            do {
                try poller.poll(timeoutMilliseconds: nil)
                if poller.isReadable(stop) { return }
                guard poller.isReadable(requests) else { continue }
                while let request = try socket.receiveMultipart(dontWait: true) {
                    let reply = directory.answer(request)
                    if reply.isRefusal, refusals.shouldLog(reply.clientKey) {
                        logger.warning(
                            "CURVE handshake refused",
                            metadata: ["reason": "\(reply.statusText)", "client_key": "\(reply.clientKey)", "peer": "\(reply.address)"])
                    } else if !reply.isRefusal {
                        logger.debug("CURVE client authenticated", metadata: ["identity": "\(reply.userID)", "peer": "\(reply.address)"])
                    }
                    try socket.send(multipart: reply.frames)
                }
            } catch let error as ZMQError where error.terminated {
                return
            } catch {
                logger.error("ZAP handler error", metadata: ["error": "\(error)"])
            }
        }
    }
}

/// Tells the thread that starts a ``ZAPHandler`` whether its socket is bound.
private final class StartSignal: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let failure = Mutex<String?>(nil)

    func succeed() { semaphore.signal() }

    func fail(_ reason: String) {
        failure.withLock { $0 = reason }
        semaphore.signal()
    }

    /// Waits for the outcome; the failure's reason, or `nil` once bound.
    func wait() -> String? {
        semaphore.wait()
        return failure.withLock { $0 }
    }
}

/// Logs a refused key at most once a minute, so a client retrying with a wrong key cannot flood the log.
private struct RefusalLog {
    private var lastLogged: [String: DispatchTime] = [:]

    mutating func shouldLog(_ key: String) -> Bool {
        let now = DispatchTime.now()
        if let last = lastLogged[key], now.uptimeNanoseconds - last.uptimeNanoseconds < 60_000_000_000 { return false }
        if lastLogged.count >= 1024 { lastLogged.removeAll() }
        lastLogged[key] = now
        return true
    }
}
