import Foundation

/// Why bytes could not be decoded as a Marquee envelope: a ``DeadLetterReason`` plus a human detail.
///
/// Services dead-letter the message with ``reason``; ``detail`` names the field (`data.request.title: missing`).
public struct EnvelopeDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable reason.
    public var reason: DeadLetterReason
    /// What exactly was wrong, for people; not stable.
    public var detail: String

    /// Creates an error.
    public init(_ reason: DeadLetterReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }

    public var description: String { "\(reason.rawValue): \(detail)" }

    /// Maps an error thrown while decoding a known message type to a `schema_violation` naming the field.
    static func schemaViolation(_ error: any Error, under prefix: [String] = []) -> EnvelopeDecodingError {
        if let error = error as? EnvelopeDecodingError { return error }
        guard let error = error as? DecodingError else { return .init(.schemaViolation, "\(error)") }
        func path(_ keys: [any CodingKey]) -> String {
            let parts = prefix + keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return parts.isEmpty ? "(root)" : parts.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .init(.schemaViolation, "\(path(context.codingPath + [key])): missing")
        case .valueNotFound(_, let context):
            return .init(.schemaViolation, "\(path(context.codingPath)): null not allowed")
        case .typeMismatch(let type, let context):
            return .init(.schemaViolation, "\(path(context.codingPath)): expected \(type)")
        case .dataCorrupted(let context):
            return .init(.schemaViolation, "\(path(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return .init(.schemaViolation, "\(error)")
        }
    }
}
