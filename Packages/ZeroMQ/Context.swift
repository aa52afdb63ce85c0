import CZMQ

/// A ZeroMQ context: the I/O threads and the registry of `inproc` endpoints.
///
/// `Sendable` because libzmq documents contexts as thread-safe: any thread may create sockets from the same
/// context. Sockets keep their context alive; the context is terminated when the last reference goes.
public final class Context: @unchecked Sendable {  // libzmq's ctx is internally synchronised
    let handle: UnsafeMutableRawPointer

    /// Creates a context with `ioThreads` background I/O threads.
    public init(ioThreads: Int = 1) throws {
        guard let handle = zmq_ctx_new() else { throw ZMQError.last("zmq_ctx_new") }
        self.handle = handle
        if zmq_ctx_set(handle, ZMQ_IO_THREADS, Int32(ioThreads)) != 0 {
            zmq_ctx_term(handle)
            throw ZMQError.last("zmq_ctx_set ZMQ_IO_THREADS")
        }
    }

    /// Makes every blocking call on this context's sockets return `ETERM`; sockets must then be closed.
    public func shutdown() {
        zmq_ctx_shutdown(handle)
    }

    deinit {
        zmq_ctx_term(handle)
    }

    /// Whether this libzmq was built with a capability, e.g. `"curve"`.
    public static func has(_ capability: String) -> Bool {
        zmq_has(capability) != 0
    }

    /// libzmq's version as (major, minor, patch).
    public static var version: (major: Int, minor: Int, patch: Int) {
        var major: Int32 = 0
        var minor: Int32 = 0
        var patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return (Int(major), Int(minor), Int(patch))
    }
}
