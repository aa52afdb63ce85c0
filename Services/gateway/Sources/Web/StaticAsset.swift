import Crypto
import Foundation
import Hummingbird
import NIOCore

/// A file the dashboard serves from memory (`/static/…`), cacheable for a day and revalidated by its ETag.
struct StaticAsset: Sendable {
    let contentType: String
    let bytes: [UInt8]
    let etag: String

    init(contentType: String, text: String) {
        self.contentType = contentType
        bytes = Array(text.utf8)
        etag = "\"" + SHA256.hash(data: bytes).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
    }

    static let stylesheet = StaticAsset(contentType: "text/css; charset=utf-8", text: Stylesheet.text)
    static let script = StaticAsset(contentType: "text/javascript; charset=utf-8", text: LiveScript.text)

    /// 200 with the bytes, or 304 when `If-None-Match` names the ETag.
    func response(for request: Request) -> Response {
        var headers: HTTPFields = [.eTag: etag, .cacheControl: "public, max-age=86400"]
        if let match = request.headers[.ifNoneMatch],
            match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag })
        {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
