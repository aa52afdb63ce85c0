import Contracts
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceKit

/// marquee-assistant's HTTP API beside `/metrics` and `/health`: `POST /assistant` with an
/// ``AssistantMessage`` answers an ``AssistantAnswer``; a body that is not one answers 400 problem+json.
/// The gateway proxies it as `POST /api/assistant`, passing the signed-in user and roles.
///
/// The message names its user and roles, so only trusted callers (the gateway, operators) may reach it: with a
/// caller token every request must carry `Authorization: Bearer <token>`, or it is answered 401.
public struct AssistantRoutes: Sendable {
    let desk: AssistantDesk
    let clock: WallClock
    let callerToken: [UInt8]?
    let logger: Logger

    /// The largest message body accepted.
    public static let maxBodyBytes = 64 << 10

    /// Routes over `desk`; "now" comes from `clock`; `callerToken`, if any, is the bearer token callers must present.
    public init(desk: AssistantDesk, clock: WallClock, callerToken: String? = nil, logger: Logger) {
        self.desk = desk
        self.clock = clock
        self.callerToken = callerToken.map { Array($0.utf8) }
        self.logger = logger
    }

    /// Adds the routes to `router`.
    public func add(to router: Router<BasicRequestContext>) {
        router.post("assistant") { request, _ in await self.answer(request) }
    }

    func answer(_ request: Request) async -> Response {
        guard isTrusted(request) else {
            var refusal = Self.problem(401, "POST /assistant needs the caller token: Authorization: Bearer <token>")
            refusal.headers[.wwwAuthenticate] = #"Bearer realm="marquee-assistant""#
            return refusal
        }
        let message: AssistantMessage
        do {
            let body = try await request.body.collect(upTo: Self.maxBodyBytes)
            message = try JSONDecoder().decode(AssistantMessage.self, from: Data(body.readableBytesView))
        } catch {
            return Self.problem(400, "the body must be {\"user\", \"roles\", \"conversation_id\", \"text\"} (at most 64 KB)")
        }
        do {
            let answer = try await desk.answer(message, now: clock.now())
            return Self.json(200, try JSONEncoder().encode(answer), type: "application/json")
        } catch {
            logger.error("assistant failed", metadata: [LogKey.error: "\(error)"])
            return Self.problem(500, "the assistant could not answer; try again")
        }
    }

    /// Whether the request carries the caller token (compared in constant time), or no token is required.
    func isTrusted(_ request: Request) -> Bool {
        guard let callerToken else { return true }
        let presented = Array((request.headers[.authorization] ?? "").utf8)
        let expected = Array("Bearer ".utf8) + callerToken
        guard presented.count == expected.count else { return false }
        return zip(presented, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func problem(_ status: Int, _ detail: String) -> Response {
        let titles = [400: "Bad request", 401: "Unauthorized"]
        let body: [String: JSONValue] = [
            "type": .string("about:blank"), "title": .string(titles[status] ?? "Internal error"), "status": .integer(Int64(status)),
            "detail": .string(detail),
        ]
        let data = (try? JSONEncoder().encode(body)) ?? Data()
        return json(status, data, type: "application/problem+json")
    }

    static func json(_ status: Int, _ data: Data, type: String) -> Response {
        Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: type],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
