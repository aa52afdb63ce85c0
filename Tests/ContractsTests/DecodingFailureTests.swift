import Contracts
import Foundation
import Testing

/// A message that must not decode, the reason it must give, and whether its schema also rejects it.
struct FailureCase: Sendable, CustomTestStringConvertible {
    var name: String
    var json: String
    var frame: String? = nil
    var reason: DeadLetterReason
    /// A field path the detail names, when there is one.
    var detailMentions: String? = nil
    /// Whether `EventCatalog.validate` (the JSON Schema) catches it too.
    var schemaRejects: Bool
    var testDescription: String { name }
}

@Suite struct DecodingFailureTests {
    static func held(_ edit: (String) -> String) -> String { edit(Fixtures.intakeHeldJSON) }
    static func replacing(_ old: String, _ new: String) -> String {
        let text = Fixtures.intakeHeldJSON
        precondition(text.contains(old), "fixture lacks \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    static let rows: [FailureCase] = [
        FailureCase(name: "truncated JSON", json: String(Fixtures.intakeHeldJSON.dropLast(3)), reason: .malformedJSON,
                    schemaRejects: true),
        FailureCase(name: "not JSON at all", json: "campaign held", reason: .malformedJSON, schemaRejects: true),
        FailureCase(name: "array instead of object", json: "[1, 2]", reason: .schemaViolation, schemaRejects: true),
        FailureCase(name: "CloudEvents 0.3", json: replacing(#""specversion": "1.0""#, #""specversion": "0.3""#),
                    reason: .unsupportedSpecVersion, schemaRejects: true),
        FailureCase(name: "missing specversion", json: replacing(#""specversion": "1.0","#, ""),
                    reason: .schemaViolation, detailMentions: "specversion", schemaRejects: true),
        FailureCase(name: "unknown type", json: replacing(#""campaign.intake.held""#, #""campaign.intake.exploded""#),
                    reason: .unknownType, schemaRejects: false),
        FailureCase(name: "type breaks topic rules", json: replacing(#""campaign.intake.held""#, #""Campaign.Held""#),
                    reason: .invalidTopic, schemaRejects: true),
        FailureCase(name: "XML content", json: replacing(#""application/json""#, #""application/xml""#),
                    reason: .unsupportedContentType, schemaRejects: true),
        FailureCase(name: "topic frame differs", json: Fixtures.intakeHeldJSON, frame: "campaign.intake.triaged",
                    reason: .topicMismatch, schemaRejects: false),
        FailureCase(name: "missing id", json: replacing(#""id": "6f1c2a10-0000-4000-8000-000000000002","#, ""),
                    reason: .schemaViolation, detailMentions: "id", schemaRejects: true),
        FailureCase(name: "id not a UUID", json: replacing(#""id": "6f1c2a10-0000-4000-8000-000000000002""#, #""id": "42""#),
                    reason: .schemaViolation, detailMentions: "id", schemaRejects: true),
        FailureCase(name: "time without zone", json: replacing("09:15:00.250Z", "09:15:00.250"),
                    reason: .schemaViolation, detailMentions: "time", schemaRejects: true),
        FailureCase(name: "missing data field", json: replacing(#""hold_count": 1,"#, ""),
                    reason: .schemaViolation, detailMentions: "data.hold_count", schemaRejects: true),
        FailureCase(name: "unknown MVP field", json: replacing(#""audience", "key_message""#, #""audience", "mood""#),
                    reason: .schemaViolation, detailMentions: "data.missing[1]", schemaRejects: true),
        FailureCase(name: "count as string", json: replacing(#""hold_count": 1"#, #""hold_count": "1""#),
                    reason: .schemaViolation, detailMentions: "data.hold_count", schemaRejects: true),
        FailureCase(name: "no data", json: replacing(#""data": {"#, #""payload": {"#),
                    reason: .schemaViolation, detailMentions: "data", schemaRejects: true),
        FailureCase(
            name: "dead letter under another original",
            json: Fixtures.deadLetterJSON.replacingOccurrences(
                of: #""type": "deadletter.campaign.intake.held""#, with: #""type": "deadletter.campaign.assigned""#),
            reason: .schemaViolation, detailMentions: "data", schemaRejects: false),
    ]

    @Test(arguments: rows)
    func invalidMessageGivesItsReason(_ row: FailureCase) {
        do {
            let decoded = try EventCatalog.marquee.decode(Data(row.json.utf8), topic: row.frame)
            Issue.record("decoded \(decoded.header.type), expected \(row.reason.rawValue)")
        } catch {
            #expect(error.reason == row.reason, "\(error)")
            if let field = row.detailMentions { #expect(error.detail.contains(field), "\(error.detail)") }
        }
    }

    @Test(arguments: rows)
    func schemaAgreesWithTheDecoder(_ row: FailureCase) {
        #expect(EventCatalog.marquee.validate(Data(row.json.utf8)).isEmpty == !row.schemaRejects)
    }

    @Test func headerOnlyDecodeReportsTheSameReasons() {
        for row in Self.rows where [.malformedJSON, .unsupportedSpecVersion, .invalidTopic].contains(row.reason) {
            #expect(throws: EnvelopeDecodingError.self, "\(row.name)") {
                _ = try EnvelopeHeader.decode(Data(row.json.utf8))
            }
        }
    }

    @Test func reasonsAreStableWireStrings() {
        #expect(DeadLetterReason.allCases.map(\.rawValue) == [
            "malformed_json", "unsupported_specversion", "unsupported_content_type", "invalid_topic", "unknown_type",
            "topic_mismatch", "schema_violation", "max_attempts_exceeded", "handler_rejected",
        ])
    }
}
