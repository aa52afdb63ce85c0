import Contracts
import Foundation
import Hummingbird

/// Reading JSON request bodies into Marquee's types, every failure a 4xx problem that points at the field.
enum BodyDecoding {
    /// The largest JSON body accepted.
    static let maxBytes = 1 << 20

    /// The body as a JSON object of at most `limit` bytes; 400 when it is not one.
    static func object(of request: Request, upTo limit: Int = maxBytes) async throws -> [String: JSONValue] {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw GatewayProblem.badRequest("the body is larger than \(limit) bytes or unreadable")
        }
        guard case .object(let members)? = JSONValue.parse(Data(buffer.readableBytesView)) else {
            throw GatewayProblem.badRequest("the body must be a JSON object")
        }
        return members
    }

    /// Decodes `value` as `T` with Marquee's JSON settings; 422 naming the field that does not fit.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at base: String = "") throws(GatewayProblem) -> T {
        do {
            return try MarqueeJSON.decoder().decode(T.self, from: try MarqueeJSON.encode(value))
        } catch let error as DecodingError {
            throw GatewayProblem.invalid("the body does not fit the schema", errors: [fieldError(error, base: base)])
        } catch {
            throw GatewayProblem.badRequest("the body could not be read")
        }
    }

    /// The field a decoding error is about, as a JSON pointer, and what is wrong with it.
    static func fieldError(_ error: DecodingError, base: String) -> GatewayProblem.FieldError {
        func pointer(_ path: [any CodingKey]) -> String {
            "#" + base + path.map { "/" + ($0.intValue.map(String.init) ?? $0.stringValue) }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .init(pointer: pointer(context.codingPath + [key]), detail: "is required")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return .init(pointer: pointer(context.codingPath), detail: context.debugDescription)
        @unknown default:
            return .init(pointer: pointer([]), detail: "\(error)")
        }
    }
}
