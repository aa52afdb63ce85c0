import Contracts
import Hummingbird
import NIOCore

/// JSON responses in Marquee's encoding (snake_case keys, RFC 3339 dates).
enum JSONResponse {
    static func make(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, etag: String? = nil, location: String? = nil
    ) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let etag { headers[.eTag] = etag }
        if let location { headers[.location] = location }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try MarqueeJSON.encode(value))))
    }
}
