import Domain
import Foundation
import Testing

struct MVPCase: Sendable, CustomTestStringConvertible {
    var type: CampaignType
    var dropped: [MVPField]
    var expected: TriageDecision
    var testDescription: String { "\(type.rawValue) without \(dropped.map(\.rawValue))" }
}

@Suite struct MVPTriageTests {
    @Test(arguments: CampaignType.allCases)
    func completeRequestIsAssignedToASpecialist(_ type: CampaignType) {
        #expect(triage(.fixture(type: type), rules: rules) == .assign(to: .specialist))
    }

    @Test(arguments: [
        MVPCase(type: .productLaunch, dropped: [.launchDate, .budget], expected: .hold(missing: [.budget, .launchDate])),
        MVPCase(type: .productLaunch, dropped: [.assetNeeds, .outline], expected: .hold(missing: [.outline, .assetNeeds])),
        MVPCase(type: .productLaunch, dropped: [.timeline, .swot], expected: .assign(to: .specialist)),
        MVPCase(type: .event, dropped: [.audience], expected: .hold(missing: [.audience])),
        MVPCase(type: .event, dropped: [.timeline, .budget], expected: .hold(missing: [.budget, .timeline])),
        MVPCase(type: .event, dropped: [.outline, .assetNeeds], expected: .assign(to: .specialist)),
        MVPCase(type: .seasonal, dropped: [.budget, .timeline], expected: .assign(to: .specialist)),
        MVPCase(type: .seasonal, dropped: [.assetNeeds, .title], expected: .hold(missing: [.title, .assetNeeds])),
        MVPCase(type: .other, dropped: [.budget, .outline, .assetNeeds, .timeline], expected: .assign(to: .specialist)),
        MVPCase(
            type: .other, dropped: [.keyMessage, .objective, .channels],
            expected: .hold(missing: [.objective, .keyMessage, .channels])),
        MVPCase(
            type: .other, dropped: MVPField.allCases,
            expected: .hold(missing: [.title, .objective, .goal, .audience, .keyMessage, .channels, .launchDate])),
    ])
    func heldRequestListsEveryMissingFieldInRuleOrder(_ row: MVPCase) {
        #expect(triage(CampaignRequest.fixture(type: row.type).removing(row.dropped), rules: rules) == row.expected)
    }

    @Test(arguments: CampaignType.allCases)
    func everyRuleFieldIsCheckedForEveryType(_ type: CampaignType) {
        for field in rules.mvpRule(for: type).fields {
            #expect(triage(CampaignRequest.fixture(type: type).removing([field]), rules: rules) == .hold(missing: [field]))
        }
    }

    @Test func blankTextCountsAsMissing() {
        var request = CampaignRequest.fixture(type: .other)
        request.brief.goal = " \n "
        #expect(triage(request, rules: rules) == .hold(missing: [.goal]))
    }

    @Test func aTypeWithoutARuleFallsBackToTheCommonFields() {
        var custom = rules
        custom.mvp[.seasonal] = nil
        let request = CampaignRequest.fixture(type: .seasonal).removing([.assetNeeds, .launchDate])
        #expect(triage(request, rules: custom) == .hold(missing: [.launchDate]))
    }

    @Test func ruleCanRouteToAnotherRole() {
        var custom = rules
        custom.mvp[.event] = MVPRule(fields: [.title], assignTo: .designer)
        #expect(triage(.fixture(type: .event), rules: custom) == .assign(to: .designer))
    }
}
