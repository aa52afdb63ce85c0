import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A raw HTTP/1.1 connection to a local port that sends one request and reads the response as it streams — for
/// `GET /events`, whose body never ends on its own. Every blocking call runs on a dispatch queue, never on the
/// cooperative pool; each read gives up after 10 s. `@unchecked Sendable`: its state is touched on `queue` only.
final class EventStreamReader: @unchecked Sendable {
    private let socket: Int32
    private let queue = DispatchQueue(label: "event-stream-reader")
    /// Everything received so far (touched on `queue` only).
    private var received = ""

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(port: Int, request: String) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "no socket") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(socket)
            throw Failure(description: "could not connect to port \(port)")
        }
        let bytes = Array(request.utf8)
        guard Glibc.send(socket, bytes, bytes.count, 0) == bytes.count else {
            Glibc.close(socket)
            throw Failure(description: "could not send the request")
        }
    }

    /// Reads until what was received contains `marker`; returns everything received so far.
    func read(until marker: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                var buffer = [UInt8](repeating: 0, count: 4096)
                while !self.received.contains(marker) {
                    let count = Glibc.recv(self.socket, &buffer, buffer.count, 0)
                    guard count > 0 else {
                        return continuation.resume(
                            throwing: Failure(description: "the stream ended before \"\(marker)\": \(self.received)"))
                    }
                    self.received += String(decoding: buffer[..<count], as: UTF8.self)
                }
                continuation.resume(returning: self.received)
            }
        }
    }

    func close() {
        queue.sync { _ = Glibc.close(socket) }
    }
}
