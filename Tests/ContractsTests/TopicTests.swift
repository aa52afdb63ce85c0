import Contracts
import Foundation
import Testing

/// A topic text and the reason it is rejected (`nil` when valid).
struct TopicCase: Sendable, CustomTestStringConvertible {
    var text: String
    var reason: String?
    init(_ text: String, _ reason: String? = nil) {
        self.text = text
        self.reason = reason
    }
    var testDescription: String { "\"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\" → \(reason ?? "valid")" }
}

@Suite struct TopicTests {
    static let longestOrdinary = "a." + String(repeating: "b", count: Topic.maxOrdinaryBytes - 2)

    @Test(arguments: [
        TopicCase("campaign.intake.held"),
        TopicCase("campaign.assigned"),
        TopicCase("campaign.intake.held.v2"),
        TopicCase("campaign.intake.held.v12"),
        TopicCase("qa_check.result_2"),
        TopicCase("a.b"),
        TopicCase("deadletter.campaign.intake.held"),
        TopicCase("deadletter.campaign.intake.held.v3"),
        TopicCase(longestOrdinary),
        TopicCase("deadletter." + longestOrdinary),
        TopicCase("", "empty"),
        TopicCase("campaign", "too_few_segments"),
        TopicCase("campaign.v2", "too_few_segments"),
        TopicCase("Campaign.intake", "invalid_segment"),
        TopicCase("campaign.2nd", "invalid_segment"),
        TopicCase("campaign.intake-held", "invalid_segment"),
        TopicCase("campaign.héld", "invalid_segment"),
        TopicCase("campaign held.x", "invalid_segment"),
        TopicCase("_campaign.held", "invalid_segment"),
        TopicCase("campaign..held", "empty_segment"),
        TopicCase(".campaign.held", "empty_segment"),
        TopicCase("campaign.held.", "empty_segment"),
        TopicCase("campaign.v2.held", "misplaced_version"),
        TopicCase("campaign.held.v1", "invalid_version"),
        TopicCase("campaign.held.v0", "invalid_version"),
        TopicCase("campaign.held.v02", "invalid_version"),
        TopicCase(longestOrdinary + "b", "too_long"),
        TopicCase("deadletter", "invalid_deadletter"),
        TopicCase("deadletter.", "invalid_deadletter"),
        TopicCase("deadletter.campaign", "invalid_deadletter"),
        TopicCase("deadletter.deadletter.campaign.held", "invalid_deadletter"),
        TopicCase("deadletter.Campaign.held", "invalid_deadletter"),
    ])
    func topicRules(_ row: TopicCase) {
        #expect(Topic.validate(row.text)?.reason == row.reason)
        #expect((Topic(rawValue: row.text) != nil) == (row.reason == nil))
        do {
            let topic = try Topic(validating: row.text)
            #expect(row.reason == nil && topic.rawValue == row.text)
        } catch {
            #expect(error.reason == row.reason)
        }
    }

    @Test(arguments: [("campaign.intake.held", 1), ("campaign.intake.held.v2", 2), ("campaign.intake.held.v10", 10)])
    func versionComesFromTheSuffix(_ text: String, _ version: Int) throws {
        #expect(try Topic(validating: text).version == version)
    }

    @Test func everyTopicHasADeadLetterWithinTheLimit() throws {
        let topic = try Topic(validating: Self.longestOrdinary)
        #expect(topic.deadLetter.rawValue.utf8.count == Topic.maxBytes)
        #expect(Topic.validate(topic.deadLetter.rawValue) == nil)
        #expect(topic.deadLetter.deadLetterOriginal == topic)
        #expect(topic.deadLetter.deadLetter == topic.deadLetter)
        #expect(topic.deadLetterOriginal == nil && !topic.isDeadLetter)
    }

    @Test(arguments: [
        ("", true, true), ("campaign", true, true), ("campaign.", true, true), ("campaign.intake", true, true),
        ("campaign.intake.held", true, true), ("campaign.in", true, false), ("campaign.intake.held.v2", false, false),
        ("deadletter.", false, false), ("campaign.assigned", false, false),
    ])
    func prefixMatchingByBytesAndBySegments(_ prefix: String, _ bytes: Bool, _ segments: Bool) {
        let topic: Topic = "campaign.intake.held"
        #expect(topic.hasPrefix(prefix) == bytes)
        #expect(topic.isWithin(prefix) == segments)
    }

    @Test func decodingRejectsAnInvalidTopic() {
        #expect(throws: DecodingError.self) {
            _ = try MarqueeJSON.decoder().decode([Topic].self, from: Data(#"["campaign.Held"]"#.utf8))
        }
    }
}
