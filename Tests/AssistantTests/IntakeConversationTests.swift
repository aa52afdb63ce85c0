import Assistant
import Domain
import Testing

/// One scripted conversation: the requester's messages, the question asked after each, and every request
/// the conversation submitted.
struct ConversationCase: Sendable, CustomTestStringConvertible {
    var name: String
    var messages: [String]
    var questions: [IntakeQuestion?]
    var submissions: [IntakeSubmission]
    var testDescription: String { name }
}

let springSale = CampaignRequest(
    title: "Spring Sale", requester: "ana", objective: .conversion, type: .productLaunch,
    brief: Brief(
        goal: "Get 500 trial sign-ups", audience: "Small agencies in DACH", keyMessage: "Setup in five minutes",
        channels: [.email, .instagram], budget: eur(1_200_000), launchDate: day("2026-03-03")),
    outline: "Teaser email, launch email, three Instagram posts",
    assetNeeds: [
        AssetNeed(channel: .instagram, format: .png, size: PixelSize(width: 1080, height: 1080)),
        AssetNeed(channel: .email, format: .jpg, size: PixelSize(width: 600, height: 300)),
    ])

let partnerSummit = CampaignRequest(
    title: "Partner Summit", requester: "ana", objective: .awareness, type: .event,
    brief: Brief(
        goal: "Meet 200 partners", audience: "Channel partners", keyMessage: "Better together",
        channels: [.email, .linkedin], budget: eur(600_000), launchDate: day("2026-04-05")),
    timeline: [Milestone(name: "venue booked", due: day("2026-03-01")), Milestone(name: "agenda final", due: day("2026-03-20"))])

let summerDealsHeld = CampaignRequest(
    title: "Summer Deals", requester: "ana", objective: .retention, type: .seasonal,
    brief: Brief(channels: [.email], launchDate: day("2026-06-01")))

var summerDeals: CampaignRequest {
    var request = summerDealsHeld
    request.brief.goal = "Bring back lapsed buyers"
    request.brief.audience = "Customers inactive for 6 months"
    request.brief.keyMessage = "Summer prices are back"
    request.assetNeeds = [AssetNeed(channel: .email, format: .jpg, size: PixelSize(width: 600, height: 300))]
    return request
}

func ask(_ field: MVPField) -> IntakeQuestion { .slot(.field(field)) }

@Suite struct IntakeConversationTests {
    @Test(arguments: [
        ConversationCase(
            name: "product launch, several items in one message",
            messages: [
                "I need a product launch called Spring Sale", "conversion", "Get 500 trial sign-ups",
                "Small agencies in DACH", "Setup in five minutes", "email and Instagram, budget 12k, launch on March 3rd",
                "Teaser email, launch email, three Instagram posts", "Instagram 1080x1080 png, email 600x300 jpg", "yes",
            ],
            questions: [
                ask(.objective), ask(.goal), ask(.audience), ask(.keyMessage), ask(.channels), ask(.outline),
                ask(.assetNeeds), .confirm, nil,
            ],
            submissions: [.submitted(springSale)]),
        ConversationCase(
            name: "event with an ambiguous date and two corrections before confirming",
            messages: [
                "I'd like to run an event campaign", "Partner Summit", "awareness", "Meet 200 partners", "Channel partners",
                "Better together", "email, LinkedIn; budget 4k; on 3/4", "April",
                "venue booked by March 1; agenda final by March 20", "actually the budget is 6k",
                "actually launch on the 5th", "no", "yes",
            ],
            questions: [
                .slot(.field(.title)), ask(.objective), ask(.goal), ask(.audience), ask(.keyMessage), ask(.channels),
                .whichDate([day("2026-03-04"), day("2026-04-03")]), ask(.timeline), .confirm, .confirm, .confirm, .confirm,
                nil,
            ],
            submissions: [.submitted(partnerSummit)]),
        ConversationCase(
            name: "incomplete request held in intake, then completed and resubmitted",
            messages: [
                "seasonal campaign called Summer Deals, retention, email, launch June 1", "submit it now",
                "Bring back lapsed buyers", "Customers inactive for 6 months", "Summer prices are back", "email 600x300 jpg",
                "yes",
            ],
            questions: [ask(.goal), ask(.goal), ask(.audience), ask(.keyMessage), ask(.assetNeeds), .confirm, nil],
            submissions: [.submitted(summerDealsHeld), .resubmitted(summerDeals)]),
        ConversationCase(
            name: "nonsense and empty messages repeat the question",
            messages: ["", "🙂🙂🙂", String(repeating: "x", count: 10_000), "yes", "other", "submit it now"],
            questions: [.slot(.type), .slot(.type), .slot(.type), .slot(.type), .slot(.field(.title)), .slot(.field(.title))],
            submissions: []),
    ])
    func conversation(_ example: ConversationCase) {
        var intake = IntakeConversation(requester: "ana")
        var questions: [IntakeQuestion?] = []
        var submissions: [IntakeSubmission] = []
        for message in example.messages {
            let turn = intake.receive(message, today: today, rules: .builtIn)
            questions.append(turn.question)
            submissions += turn.submission.map { [$0] } ?? []
        }
        #expect(questions == example.questions)
        #expect(submissions == example.submissions)
    }

    @Test func askingOnlyWhatTheMVPOfTheTypeNeeds() {
        var intake = IntakeConversation(requester: "ben")
        _ = intake.receive("other", today: today, rules: .builtIn)
        #expect(intake.missing(rules: .builtIn) == MVPRule.fallback.fields.map(IntakeSlot.field))
        _ = intake.receive("Brand refresh", today: today, rules: .builtIn)
        #expect(intake.draft.title == "Brand refresh")
        #expect(!intake.missing(rules: .builtIn).contains(.field(.budget)))
    }

    @Test func aSubmittedConversationSubmitsNothingMore() {
        var intake = IntakeConversation(requester: "ana")
        for message in ["other", "X", "awareness", "g", "a", "k", "email, launch tomorrow", "yes"] {
            _ = intake.receive(message, today: today, rules: .builtIn)
        }
        #expect(intake.phase == .done)
        let again = intake.receive("yes", today: today, rules: .builtIn)
        #expect(again.submission == nil)
    }
}
