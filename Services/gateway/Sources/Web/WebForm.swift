import Foundation
import Hummingbird

/// A submitted HTML form (`application/x-www-form-urlencoded`): every value of every field, in order.
struct WebForm: Sendable {
    /// The largest form accepted.
    static let maxBytes = 256 << 10

    var fields: [String: [String]]

    /// The form of `request`'s body; 400 when it is too large or unreadable.
    static func read(_ request: Request) async throws -> WebForm {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxBytes)
        } catch {
            throw GatewayProblem.badRequest("the form is larger than \(maxBytes) bytes or unreadable")
        }
        return WebForm(encoded: String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    /// Parses `name=value&…` (`+` is a space, the rest percent-encoded).
    init(encoded: String) {
        var fields: [String: [String]] = [:]
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            fields[decode(parts[0]), default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        self.fields = fields
    }

    /// The last value of `name`, trimmed; nil when absent or blank.
    subscript(_ name: String) -> String? {
        guard let value = fields[name]?.last?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// Every non-blank value of `name`.
    func all(_ name: String) -> [String] {
        (fields[name] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
