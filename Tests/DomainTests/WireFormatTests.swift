import Domain
import Foundation
import Testing

func wireEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
}

func wireDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
}

/// Encodes `value`, compares with `json`, decodes `json` and compares with `value`.
func expectGolden<T: Codable & Equatable>(_ value: T, _ json: String,
                                          sourceLocation: SourceLocation = #_sourceLocation) throws {
    let encoded = String(decoding: try wireEncoder().encode(value), as: UTF8.self)
    #expect(encoded == json, sourceLocation: sourceLocation)
    #expect(try wireDecoder().decode(T.self, from: Data(json.utf8)) == value, sourceLocation: sourceLocation)
}

@Suite struct WireFormatTests {
    @Test func campaignRequestHasSnakeCaseKeysAndCalendarDays() throws {
        let request = CampaignRequest(
            title: "Spring", requester: "ana", objective: .conversion, type: .productLaunch,
            brief: Brief(
                goal: "g", audience: "a", keyMessage: "k", channels: [.email, .paid],
                budget: Money(amountMinor: 1_250_000, currency: "EUR"), launchDate: Day(year: 2026, month: 3, day: 3)),
            outline: "o",
            assetNeeds: [AssetNeed(channel: .instagram, format: .png, size: PixelSize(width: 1080, height: 1350))],
            timeline: [Milestone(name: "assets final", due: Day(year: 2026, month: 2, day: 20))])
        try expectGolden(
            request,
            #"{"asset_needs":[{"channel":"instagram","format":"png","size":{"height":1350,"width":1080}}],"#
                + #""brief":{"audience":"a","budget":{"amount_minor":1250000,"currency":"EUR"},"#
                + #""channels":["email","paid"],"goal":"g","key_message":"k","launch_date":"2026-03-03"},"#
                + #""objective":"conversion","outline":"o","requester":"ana","#
                + #""timeline":[{"due":"2026-02-20","name":"assets final"}],"title":"Spring","type":"product_launch"}"#)
    }

    @Test func minimalRequestDecodesAndIsHeldWithEverythingMissing() throws {
        let json = #"{"title":"Gala","requester":"ben","type":"event"}"#
        let request = try wireDecoder().decode(CampaignRequest.self, from: Data(json.utf8))
        #expect(triage(request, rules: rules) == .hold(missing: [
            .objective, .goal, .audience, .keyMessage, .channels, .budget, .launchDate, .timeline,
        ]))
    }

    @Test func triageDecisionsAreTagged() throws {
        try expectGolden(TriageDecision.assign(to: .specialist), #"{"decision":"assign","role":"specialist"}"#)
        try expectGolden(
            TriageDecision.hold(missing: [.keyMessage, .launchDate]),
            #"{"decision":"hold","missing":["key_message","launch_date"]}"#)
    }

    @Test func domainEventCarriesCampaignTimeAndTypedFact() throws {
        let event = DomainEvent(
            campaignID: "cmp-1", occurredAt: at("2026-03-02T10:00:00+01:00"),
            fact: .editsRequested(
                EditRequest(by: "ana", comments: "c", round: 2, afterRequesterApproval: true, afterQAPassed: false)))
        try expectGolden(
            event,
            #"{"campaign_id":"cmp-1","fact":{"edit":{"after_qa_passed":false,"after_requester_approval":true,"#
                + #""by":"ana","comments":"c","round":2},"type":"edits_requested"},"occurred_at":"2026-03-02T09:00:00Z"}"#)
    }

    @Test func approvalDecisionIsBoundToContentHashes() throws {
        let fact = CampaignFact.approvalRejected(
            ApprovalDecision(step: "legal", approver: "leo", verdict: .rejected, comments: "Source?",
                             documents: [Docs.emailV1]))
        try expectGolden(
            fact,
            #"{"approval":{"approver":"leo","comments":"Source?","#
                + #""documents":[{"content_hash":"sha256:e1","document":"email-main","version":1}],"#
                + #""step":"legal","verdict":"rejected"},"type":"approval_rejected"}"#)
    }

    @Test func warningSignsAndEscalationsAreTagged() throws {
        try expectGolden(
            WarningSign.missingMVP(missing: [.budget, .assetNeeds]),
            #"{"missing":["budget","asset_needs"],"sign":"missing_mvp"}"#)
        try expectGolden(
            Escalation(reason: .missingTemplate, campaignID: "cmp-1", notifyUser: "olga", raiseFlag: true,
                       logRequest: true, subject: "go-live"),
            #"{"campaign_id":"cmp-1","log_request":true,"notify_user":"olga","raise_flag":true,"#
                + #""reason":"missing_template","subject":"go-live"}"#)
    }

    @Test func everyEventOfAFullRunRoundTrips() throws {
        let driver = try Driver.inStage(.closed)
        let data = try wireEncoder().encode(driver.events)
        #expect(try wireDecoder().decode([DomainEvent].self, from: data) == driver.events)
        #expect(Set(driver.events.map(\.fact.type)).count >= 14)
        let campaign = try wireDecoder().decode(Campaign.self, from: try wireEncoder().encode(driver.campaign))
        #expect(campaign == driver.campaign)
    }

    @Test func builtInRulesRoundTripWithSnakeCaseObjects() throws {
        let data = try wireEncoder().encode(Rules.builtIn)
        #expect(try wireDecoder().decode(Rules.self, from: data) == Rules.builtIn)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""approvals":{"event":["#))
        #expect(json.contains(#""channel_specs":{"#))
        #expect(json.contains(#""escalations":{"budget_issue":{"log_request":false,"notify":"finance_ops""#))
        #expect(json.contains(#""missing_template":{"log_request":true,"notify":"document_owner","raise_flag":true}"#))
        #expect(json.contains(#""assignment":{"owner":"marketing_ops","turnaround":"4h"}"#))
        #expect(json.contains(#""time_zone":"Europe/Berlin""#))
    }

    @Test func matrixRowDefaultsApplyWhenKeysAreAbsent() throws {
        let json = #"{"step":"legal","role":"legal"}"#
        let row = try wireDecoder().decode(ApprovalStepRule.self, from: Data(json.utf8))
        #expect(row == ApprovalStepRule(step: "legal", role: .legal))
        #expect(row.distinctFromRequester && !row.parallelWithPrevious)
    }

    @Test(arguments: [#""2026-02-30""#, #""2026-3-03""#, #""03.03.2026""#, #""2026-13-01""#])
    func invalidDaysAreRejected(_ json: String) {
        #expect(throws: DecodingError.self) { try wireDecoder().decode(Day.self, from: Data(json.utf8)) }
    }

    @Test func leapDayIsAValidDay() throws {
        #expect(try wireDecoder().decode(Day.self, from: Data(#""2028-02-29""#.utf8)) == Day(year: 2028, month: 2, day: 29))
    }
}
