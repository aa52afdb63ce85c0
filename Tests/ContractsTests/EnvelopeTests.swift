import Contracts
import Domain
import Foundation
import Testing

/// One golden message: its literal JSON and the value it means.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    var json: String
    var value: AnyEnvelope
    var testDescription: String { value.header.type.rawValue }

    init<Payload: Event>(_ json: String, _ value: Envelope<Payload>) {
        self.json = json
        self.value = AnyEnvelope(value)
    }
}

@Suite struct EnvelopeTests {
    static let golden = [
        GoldenCase(Fixtures.requestSubmittedJSON, Fixtures.requestSubmitted),
        GoldenCase(Fixtures.requestResubmittedJSON, Fixtures.requestResubmitted),
        GoldenCase(Fixtures.intakeHeldJSON, Fixtures.intakeHeld),
        GoldenCase(Fixtures.intakeTriagedJSON, Fixtures.intakeTriaged),
        GoldenCase(Fixtures.campaignAssignedJSON, Fixtures.campaignAssigned),
        GoldenCase(Fixtures.deadLetterJSON, Fixtures.deadLetter),
        GoldenCase(Fixtures.commandIssuedJSON, Fixtures.commandIssued),
        GoldenCase(Fixtures.commandRejectedJSON, Fixtures.commandRejected),
        GoldenCase(Fixtures.factRecordedJSON, Fixtures.factRecorded),
        GoldenCase(Fixtures.documentSubmittedJSON, Fixtures.documentSubmitted),
        GoldenCase(Fixtures.escalationRaisedJSON, Fixtures.escalationRaised),
        GoldenCase(Fixtures.qaReportReadyJSON, Fixtures.qaReportReady),
        GoldenCase(Fixtures.reportWarningRaisedJSON, Fixtures.reportWarningRaised),
        GoldenCase(Fixtures.notificationInboxJSON, Fixtures.notificationInbox),
        GoldenCase(Fixtures.notificationFailedJSON, Fixtures.notificationFailed),
        GoldenCase(Fixtures.templateMissingJSON, Fixtures.templateMissing),
    ]

    @Test func everyCatalogTypeHasAGoldenMessage() {
        let covered = Set(Self.golden.map { ObjectIdentifier(type(of: $0.value.data)) })
        let catalogued = Set(EventCatalog.marquee.types.map { ObjectIdentifier($0) })
        #expect(covered == catalogued)
    }

    @Test(arguments: golden)
    func goldenMessageDecodesToItsValue(_ row: GoldenCase) throws {
        let decoded = try EventCatalog.marquee.decode(Data(row.json.utf8))
        #expect(decoded == row.value)
    }

    @Test(arguments: golden)
    func goldenValueEncodesToItsLiteral(_ row: GoldenCase) throws {
        let encoded = try row.value.encoded()
        #expect(JSONValue.parse(encoded) == JSONValue.parse(Data(row.json.utf8)))
        #expect(JSONValue.parse(encoded) != nil)
        let text = String(decoding: encoded, as: UTF8.self)
        #expect(text.hasPrefix(#"{"#) && !text.contains("\n") && !text.contains(#"\/"#))
    }

    @Test(arguments: golden)
    func encodingSortsKeysAtEveryLevel(_ row: GoldenCase) throws {
        let encoded = try row.value.encoded()
        let canonical = try MarqueeJSON.encode(try #require(JSONValue.parse(encoded)))
        #expect(String(decoding: encoded, as: UTF8.self) == String(decoding: canonical, as: UTF8.self))
    }

    @Test(arguments: golden)
    func goldenMessageValidatesAgainstItsSchema(_ row: GoldenCase) {
        #expect(EventCatalog.marquee.validate(Data(row.json.utf8)) == [])
        #expect(JSONSchema.anyEnvelope.validate(json: Data(row.json.utf8)) == [])
    }

    @Test func typedDecodeReadsItsOwnType() throws {
        let held = try Envelope<IntakeHeld>.decode(Data(Fixtures.intakeHeldJSON.utf8), topic: "campaign.intake.held")
        #expect(held == Fixtures.intakeHeld)
        #expect(AnyEnvelope(held).typed(as: IntakeHeld.self) == held)
        #expect(AnyEnvelope(held).typed(as: IntakeTriaged.self) == nil)
    }

    @Test func typedDecodeRejectsAnotherType() {
        #expect(throws: EnvelopeDecodingError.self) {
            _ = try Envelope<IntakeTriaged>.decode(Data(Fixtures.intakeHeldJSON.utf8))
        }
        do {
            _ = try Envelope<IntakeTriaged>.decode(Data(Fixtures.intakeHeldJSON.utf8))
        } catch {
            #expect(error.reason == .unknownType)
        }
    }

    @Test func headerDecodesWithoutKnowingTheType() throws {
        let json = Fixtures.intakeHeldJSON.replacingOccurrences(of: "campaign.intake.held", with: "campaign.future.thing")
        let header = try EnvelopeHeader.decode(Data(json.utf8))
        #expect(header.type == "campaign.future.thing")
        #expect(header.id == Fixtures.id2 && header.subject == Fixtures.campaign && header.time == Fixtures.time)
        #expect(header.correlationID == Fixtures.id1 && header.causationID == Fixtures.id1)
    }

    @Test func absentCorrelationIDStartsAChain() throws {
        let json = """
            {"data": {"assignee": "sam.lee", "campaign_id": "c1", "role": "specialist"},
             "id": "6F1C2A10-0000-4000-8000-000000000009", "source": "marquee/intake", "specversion": "1.0",
             "time": "2026-03-03T10:15:00.25+01:00", "type": "campaign.assigned"}
            """
        let envelope = try Envelope<CampaignAssigned>.decode(Data(json.utf8))
        #expect(envelope.correlationID == envelope.id)
        #expect(envelope.causationID == nil && envelope.subject == nil)
        #expect(envelope.time == Fixtures.time)
        let reencoded = String(decoding: try envelope.encoded(), as: UTF8.self)
        #expect(reencoded.contains(#""correlationid":"6f1c2a10-0000-4000-8000-000000000009""#))
        #expect(reencoded.contains(#""time":"2026-03-03T09:15:00.250Z""#))
    }

    @Test func makeFollowsItsCauseAndRoundsTimeToTheWire() throws {
        let cause = Fixtures.requestSubmitted.header
        let held = Fixtures.intakeHeld.data
        let envelope = Envelope.make(
            held, source: "marquee/intake", causedBy: cause, id: Fixtures.id2,
            now: Date(timeIntervalSince1970: 1_772_529_300.2504))
        #expect(envelope.correlationID == cause.correlationID && envelope.causationID == cause.id)
        #expect(envelope.subject == held.campaignID && envelope.type == IntakeHeld.topic)
        #expect(envelope.time == Fixtures.time)
        #expect(try Envelope<IntakeHeld>.decode(try envelope.encoded()) == envelope)
    }

    @Test func deadLetterIsPublishedUnderItsOriginalTopic() {
        #expect(Fixtures.deadLetter.type == "deadletter.campaign.intake.held")
        #expect(Fixtures.deadLetter.type.deadLetterOriginal == Fixtures.deadLetter.data.originalTopic)
        #expect(EventCatalog.marquee.eventType(for: "deadletter.campaign.assigned") == DeadLetter.self)
    }
}
