import Contracts
import Foundation
import Hummingbird
import NIOCore

/// An RFC 9457 problem document (`application/problem+json`) that the gateway answers with for every refusal:
/// `type`, `title`, `status`, `detail`, and when the input was at fault the field-level `errors` (each a JSON
/// pointer into the request body and what is wrong there). For a command the station refused it also carries the
/// station's stable `code`. Thrown from a route, it becomes the response (`HTTPResponseError`).
public struct GatewayProblem: Error, Codable, Sendable, Equatable {
    /// One problem with one field of the request body.
    public struct FieldError: Codable, Sendable, Equatable {
        /// A JSON pointer (RFC 6901) into the body, e.g. `#/brief/goal`.
        public var pointer: String
        /// What is wrong, for people.
        public var detail: String

        public init(pointer: String, detail: String) {
            self.pointer = pointer
            self.detail = detail
        }
    }

    public var type: String
    public var title: String
    /// The HTTP status (wire key `status`).
    public var statusCode: Int
    public var detail: String
    public var errors: [FieldError]?
    /// The station's rejection code (`reviewer_is_builder`…) when a command was refused.
    public var code: String?

    public init(
        type: String, title: String, status: Int, detail: String, errors: [FieldError]? = nil, code: String? = nil
    ) {
        self.type = "https://marquee.example/problems/" + type
        self.title = title
        self.statusCode = status
        self.detail = detail
        self.errors = errors
        self.code = code
    }

    private enum CodingKeys: String, CodingKey {
        case type, title, detail, errors, code
        case statusCode = "status"
    }

    /// The media type.
    public static let mediaType = "application/problem+json"

    static func badRequest(_ detail: String, errors: [FieldError]? = nil) -> GatewayProblem {
        GatewayProblem(type: "bad-request", title: "Bad request", status: 400, detail: detail, errors: errors)
    }

    static func invalid(_ detail: String, errors: [FieldError]) -> GatewayProblem {
        GatewayProblem(type: "invalid-input", title: "Invalid input", status: 422, detail: detail, errors: errors)
    }

    static func unauthenticated(_ detail: String = "sign in or send a bearer token") -> GatewayProblem {
        GatewayProblem(type: "unauthenticated", title: "Not signed in", status: 401, detail: detail)
    }

    static func forbidden(_ detail: String) -> GatewayProblem {
        GatewayProblem(type: "forbidden", title: "Forbidden", status: 403, detail: detail)
    }

    static func unknownCampaign(_ id: String) -> GatewayProblem {
        GatewayProblem(
            type: "unknown-campaign", title: "Unknown campaign", status: 404, detail: "no campaign \(id) has been seen on the bus")
    }

    static func internalError() -> GatewayProblem {
        GatewayProblem(type: "internal", title: "Internal error", status: 500, detail: "the gateway could not complete the request")
    }
}

extension GatewayProblem: HTTPResponseError {
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: statusCode) }

    public func response(from request: Request, context: some RequestContext) throws -> Response { response }

    /// The response carrying this problem.
    var response: Response {
        let body = (try? MarqueeJSON.encode(self)) ?? Data()
        return Response(
            status: HTTPResponse.Status(code: statusCode), headers: [.contentType: Self.mediaType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
