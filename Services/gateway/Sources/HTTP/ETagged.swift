import Contracts
import Crypto
import Foundation
import Hummingbird
import NIOCore

/// A JSON answer with a strong ETag over its bytes: 304 when the client's `If-None-Match` already names it.
enum ETagged {
    static func response(_ value: some Encodable, for request: Request) throws -> Response {
        let body = try MarqueeJSON.encode(value)
        let tag = "\"" + SHA256.hash(data: body).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
        if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag }) {
            return Response(status: .notModified, headers: [.eTag: tag])
        }
        return Response(
            status: .ok, headers: [.contentType: "application/json", .eTag: tag], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
