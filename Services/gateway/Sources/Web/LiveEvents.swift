import Domain
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceKit
import ServiceLifecycle

/// `GET /events`: a server-sent event stream (`text/event-stream`) for the open pages of a signed-in user:
/// `event: campaign` with the id of each campaign the read model changed (``CampaignChanges``), with `?tail=1`
/// also `event: tail` with each bus record the ops feed sees, and a `: heartbeat` comment every ``heartbeat`` so
/// proxies keep it open. It ends when the client goes away or the gateway shuts down gracefully.
extension DashboardRoutes {
    func events(_ request: Request) async throws -> Response {
        _ = try await auth.reader(of: request)
        let (frames, end) = liveFrames(tail: request.uri.queryParameters["tail"] == "1")
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/event-stream", .cacheControl: "no-store",
                HTTPField.Name("X-Accel-Buffering")!: "no",
            ],
            body: ResponseBody { writer in
                try await withGracefulShutdownHandler {
                    for await frame in frames { try await writer.write(ByteBuffer(string: frame)) }
                } onGracefulShutdown: {
                    end.finish()
                }
                try await writer.finish(nil)
            })
    }

    /// The frames of one stream and what ends it: listening starts now, so nothing announced after this call is
    /// missed.
    func liveFrames(tail: Bool) -> (AsyncStream<String>, AsyncStream<String>.Continuation) {
        let announced = changes.stream()
        let tailed = tail ? ops?.stream() : nil
        let heartbeat = heartbeat
        let (frames, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(1024))
        continuation.yield("retry: 3000\n: connected\n\n")
        let task = Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await id in announced {
                        continuation.yield("event: campaign\ndata: \(Self.line(id.rawValue))\n\n")
                    }
                }
                if let tailed {
                    group.addTask {
                        for await line in tailed {
                            continuation.yield("event: tail\ndata: \(Self.line(line.text))\n\n")
                        }
                    }
                }
                group.addTask {
                    while (try? await Task.sleep(for: heartbeat)) != nil { continuation.yield(": heartbeat\n\n") }
                }
                await group.next()
                group.cancelAll()
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return (frames, continuation)
    }

    /// `text` on one line (a newline would end the event's data).
    static func line(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
