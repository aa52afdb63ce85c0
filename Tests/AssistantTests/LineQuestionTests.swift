import Assistant
import Domain
import Testing

struct IntentCase: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: AssistantIntent
    var testDescription: String { text }
}

@Suite struct LineQuestionTests {
    @Test(arguments: [
        IntentCase(text: "status of Spring Sale", expected: .status(campaign: "Spring Sale")),
        IntentCase(text: "What's the status of cmp-7?", expected: .status(campaign: "cmp-7")),
        IntentCase(text: "what is blocking Partner Summit?", expected: .blocking(campaign: "Partner Summit")),
        IntentCase(text: "Who approves Spring Sale", expected: .approvers(campaign: "Spring Sale")),
        IntentCase(text: "what's due this week?", expected: .dueThisWeek),
        IntentCase(
            text: "give me the brief template for Spring Sale", expected: .template(name: "brief", campaign: "Spring Sale")),
        IntentCase(text: "send me the webinar template", expected: .template(name: "webinar", campaign: nil)),
        IntentCase(text: "is hero.png ready for Instagram?", expected: .assetCheck(file: "hero.png", channel: .instagram)),
        IntentCase(
            text: "draft the go-live announcement for Spring Sale", expected: .draftAnnouncement(campaign: "Spring Sale")),
        IntentCase(text: "find escalation SOP", expected: .search("escalation SOP")),
        IntentCase(text: "please approve Spring Sale", expected: .decision),
        IntentCase(text: "launch on March 3rd", expected: .intake),
        IntentCase(text: "is it ready?", expected: .intake),
    ])
    func intents(_ example: IntentCase) {
        #expect(IntentRules.intent(of: example.text) == example.expected)
    }

    static let line = LineAnswers(
        campaigns: [
            CampaignSummary(id: "cmp-1", request: springSale, stage: .inApproval, approvedSteps: ["marketing_lead"]),
            CampaignSummary(id: "cmp-2", request: summerDealsHeld, stage: .heldInIntake, missing: [.goal, .audience]),
            CampaignSummary(id: "cmp-3", request: partnerSummit, stage: .building),
        ], rules: .builtIn, today: day("2026-03-02"))

    @Test func statusBlockingAndApprovers() {
        #expect(Self.line.answer(.status(campaign: "spring sale")) == "Spring Sale (cmp-1) is in approval; launch March 3, 2026.")
        #expect(
            Self.line.answer(.blocking(campaign: "Spring Sale"))
                == "Spring Sale is waiting for approval from: legal (Leo Brandt), brand (Bea Novak).")
        #expect(
            Self.line.answer(.blocking(campaign: "cmp-2")) == "Summer Deals is held in intake until the requester adds: goal, audience.")
        #expect(
            Self.line.answer(.approvers(campaign: "Spring Sale"))
                == "Spring Sale is approved by marketing_lead (Mia Rossi, approved), then legal (Leo Brandt) and brand (Bea Novak), then finance (Finn Haas).")
        #expect(Self.line.answer(.status(campaign: "Nope")) == "I don't know a campaign called \"Nope\".")
        #expect(Self.line.answer(.status(campaign: "S"))?.hasPrefix("Several campaigns match") == true)
    }

    @Test func dueThisWeekListsLaunchesAndMilestones() {
        #expect(Self.line.answer(.dueThisWeek) == "Due this week:\n- March 3, 2026: Spring Sale launches")
        let later = LineAnswers(campaigns: Self.line.campaigns, rules: .builtIn, today: day("2026-03-18"))
        #expect(later.answer(.dueThisWeek) == "Due this week:\n- March 20, 2026: Partner Summit: agenda final")
        let quiet = LineAnswers(campaigns: Self.line.campaigns, rules: .builtIn, today: day("2026-05-04"))
        #expect(quiet.answer(.dueThisWeek) == "Nothing is due this week.")
    }
}
