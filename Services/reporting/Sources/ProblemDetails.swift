import Contracts
import Foundation
import Hummingbird
import NIOCore
import Reporting

/// An RFC 9457 problem document (`application/problem+json`): `type`, `title`, `status`, `detail`, and for a
/// KPI import the row-level `errors` and how many rows were `imported` anyway.
public struct ProblemDetails: Codable, Sendable, Equatable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var errors: [KPIRowError]?
    public var imported: Int?

    /// Creates a problem.
    public init(type: String, title: String, status: Int, detail: String, errors: [KPIRowError]? = nil, imported: Int? = nil) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.errors = errors
        self.imported = imported
    }

    /// The media type.
    public static let mediaType = "application/problem+json"

    /// A bad request parameter.
    static func badRequest(_ detail: String) -> ProblemDetails {
        ProblemDetails(type: "https://marquee.example/problems/bad-request", title: "Bad request", status: 400, detail: detail)
    }

    /// An unknown campaign.
    static func unknownCampaign(_ id: String) -> ProblemDetails {
        ProblemDetails(
            type: "https://marquee.example/problems/unknown-campaign", title: "Unknown campaign", status: 404,
            detail: "no campaign \(id) has been seen on the bus")
    }

    /// The response carrying this problem.
    var response: Response {
        let body = (try? MarqueeJSON.encode(self)) ?? Data()
        return Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: Self.mediaType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
