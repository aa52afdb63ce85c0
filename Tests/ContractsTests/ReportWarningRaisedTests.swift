import Contracts
import Domain
import Foundation
import Testing

/// Golden message of reporting's warning sign (`report.warning.raised`).
extension Fixtures {
    static let reportWarningRaisedJSON = """
        {
          "causationid": "6f1c2a10-0000-4000-8000-000000000001",
          "correlationid": "6f1c2a10-0000-4000-8000-000000000001",
          "data": {"campaign_id": "cmp-2026-0001",
                   "detected_at": "2026-03-03T09:15:00.250Z",
                   "evidence": "in requester_review since 2026-02-26T09:00:00.000Z, past the long-hold threshold of 3d",
                   "key": "cmp-2026-0001/long_hold/requester_review@1772096400",
                   "route": {"campaign_id": "cmp-2026-0001", "log_request": false, "notify_role": "marketing_ops",
                             "raise_flag": false, "reason": "sla_breach", "subject": "long_hold"},
                   "sign": {"since": "2026-02-26T09:00:00.000Z", "sign": "long_hold", "stage": "requester_review"},
                   "stage": "requester_review"},
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000003",
          "source": "marquee/reporting",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "report.warning.raised"
        }
        """
    static let reportWarningRaised = Envelope(
        id: id3, source: "marquee/reporting", time: time, correlationID: id1, causationID: id1,
        data: ReportWarningRaised(
            campaignID: campaign, sign: .longHold(stage: .requesterReview, since: Date(timeIntervalSince1970: 1_772_096_400)),
            stage: .requesterReview, detectedAt: time,
            evidence: "in requester_review since 2026-02-26T09:00:00.000Z, past the long-hold threshold of 3d",
            route: Escalation(reason: .slaBreach, campaignID: campaign, notifyRole: .marketingOps, subject: "long_hold"),
            key: "cmp-2026-0001/long_hold/requester_review@1772096400"))
}

/// `report.warning.raised` is not in `EventCatalog.marquee` until it is registered there; these tests pin its
/// wire form and schema on their own (decode, compare, re-encode, compare, validate).
@Suite struct ReportWarningRaisedTests {
    @Test func goldenMessageDecodesToItsValue() throws {
        let decoded = try Envelope<ReportWarningRaised>.decode(Data(Fixtures.reportWarningRaisedJSON.utf8), topic: "report.warning.raised")
        #expect(decoded == Fixtures.reportWarningRaised)
    }

    @Test func goldenValueEncodesToItsLiteral() throws {
        let encoded = try Fixtures.reportWarningRaised.encoded()
        #expect(JSONValue.parse(encoded) == JSONValue.parse(Data(Fixtures.reportWarningRaisedJSON.utf8)))
        #expect(JSONValue.parse(encoded) != nil)
    }

    @Test func goldenMessageValidatesAgainstItsSchema() throws {
        let value = try #require(JSONValue.parse(Data(Fixtures.reportWarningRaisedJSON.utf8)))
        #expect(ReportWarningRaised.envelopeSchema.validate(value) == [])
        #expect(JSONSchema.anyEnvelope.validate(value) == [])
    }

    @Test func schemaRefusesAnUnknownSign() throws {
        let broken = Fixtures.reportWarningRaisedJSON.replacingOccurrences(of: "\"sign\": \"long_hold\"", with: "\"sign\": \"boredom\"")
        let value = try #require(JSONValue.parse(Data(broken.utf8)))
        #expect(!ReportWarningRaised.envelopeSchema.validate(value).isEmpty)
    }

    @Test func topicFollowsTheTopicRules() {
        #expect(Topic(rawValue: ReportWarningRaised.topic.rawValue) != nil)
    }
}
