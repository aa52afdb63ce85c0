import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Small helpers for requests and responses in the router tests.
enum HTTP {
    static func body(_ object: Any) -> ByteBuffer {
        ByteBuffer(bytes: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }

    static func json(_ buffer: ByteBuffer) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any]) ?? [:]
    }

    static func bearer(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: "application/json"]
    }

    /// The pointers of a problem's field errors.
    static func pointers(_ buffer: ByteBuffer) -> [String] {
        (json(buffer)["errors"] as? [[String: Any]] ?? []).compactMap { $0["pointer"] as? String }
    }
}
