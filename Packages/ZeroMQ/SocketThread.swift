import Foundation

/// Starts the dedicated thread a socket loop runs on, so blocking `zmq_poll` never ties up a thread of
/// Swift's cooperative pool. The loop creates its sockets on that thread and closes them before `body`
/// returns.
public enum SocketThread {
    /// Runs `body` on a new named thread.
    public static func start(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { body() }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }
}
