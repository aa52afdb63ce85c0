import Domain
import Foundation
import RulesConfig
import Testing

@Suite struct DefaultConfigTests {
    /// `deploy/marquee.yaml`, found from this file: `<root>/Tests/RulesConfigTests/DefaultConfigTests.swift`.
    static let deployedFile = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("deploy/marquee.yaml")

    @Test func deployedConfigLoadsAsTheBuiltInRules() throws {
        let text = try String(contentsOf: Self.deployedFile, encoding: .utf8)
        #expect(loadRules(yaml: text) == .success(Rules.builtIn))
    }

    @Test func deployedConfigIsTheGeneratedDefaultText() throws {
        let text = try String(contentsOf: Self.deployedFile, encoding: .utf8)
        #expect(
            text == (try Rules.builtIn.configYAML()), "regenerate with: marquee config default > deploy/marquee.yaml")
    }

    @Test func emptyFileIsTheBuiltInRules() {
        #expect(loadRules(yaml: "") == .success(Rules.builtIn))
        #expect(loadRules(yaml: "# only a comment\n") == .success(Rules.builtIn))
    }

    @Test func changedRulesRoundTripThroughTheirYAML() throws {
        var rules = Rules.builtIn
        rules.calendar.timeZone = "America/New_York"
        rules.calendar.workingDays = [.sunday, .monday, .tuesday, .wednesday, .thursday]
        rules.people.append(Person(id: "zoe", name: "Zoë Ünal: \"ops\"", roles: [.marketingOps]))
        rules.approvals.routes[.other] = [
            ApprovalStepRule(step: "legal", role: .legal, distinctFromRequester: false, turnaround: .minutes(90))
        ]
        rules.escalations[.slaBreach] = EscalationRoute(notify: .documentOwner, raiseFlag: true)
        #expect(loadRules(yaml: try rules.configYAML()) == .success(rules))
    }

    @Test func summaryCountsEverySection() {
        #expect(
            Rules.builtIn.configSummary
                == "11 roles, 13 people, 4 MVP rules, 4 approval routes with 13 steps, 12 SLAs, "
                + "9 holidays in Europe/Berlin, 7 channel specs, 4 escalation routes")
    }
}
