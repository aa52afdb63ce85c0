import Domain
import RulesConfig
import Testing

@Suite struct PartialConfigTests {
    @Test func calendarSectionAloneReplacesOnlyTheCalendar() throws {
        let yaml = """
            calendar:
              time_zone: America/New_York
              working_days: [monday, tuesday, wednesday, thursday]
              opens: 08:30
              closes: '16:00'
              holidays: [2026-07-03, 2026-11-26]
            """
        var expected = Rules.builtIn
        expected.calendar = BusinessCalendar(
            timeZone: "America/New_York", workingDays: [.monday, .tuesday, .wednesday, .thursday],
            opens: TimeOfDay(hour: 8, minute: 30), closes: TimeOfDay(hour: 16),
            holidays: [Day(year: 2026, month: 7, day: 3), Day(year: 2026, month: 11, day: 26)])
        #expect(loadRules(yaml: yaml) == .success(expected))
    }

    @Test func peopleSectionIsTheWholeTeam() throws {
        let yaml = """
            people:
              - {id: kim, name: Kim Park, roles: [requester, marketing_lead]}
            """
        let rules = try loadRules(yaml: yaml).get()
        #expect(rules.people == [Person(id: "kim", name: "Kim Park", roles: [.requester, .marketingLead])])
        #expect(rules.approvals == Rules.builtIn.approvals)
        #expect(rules.slas == Rules.builtIn.slas)
    }

    @Test func stepFlagsLeftOutTakeTheirDefaults() throws {
        let yaml = """
            approvals:
              product_launch: [{step: lead, role: marketing_lead}]
              event: [{step: lead, role: marketing_lead}]
              seasonal: [{step: lead, role: marketing_lead}]
              other: [{step: lead, role: marketing_lead, turnaround: 3h, when: ~}]
            """
        let rules = try loadRules(yaml: yaml).get()
        #expect(
            rules.approvals.routes[.other] == [
                ApprovalStepRule(step: "lead", role: .marketingLead, turnaround: .hours(3))
            ])
        #expect(rules.people == Rules.builtIn.people)
    }

    @Test func rolesAddedByTheFileCanBeUsedInItsSections() throws {
        let yaml = """
            roles: [requester, marketing_ops, marketing_ops_lead, specialist, designer, qa_reviewer, marketing_lead,
              legal, brand, finance, finance_ops, privacy]
            escalations:
              delayed_approval: {notify: marketing_ops_lead}
              missing_template: {notify: document_owner, raise_flag: true, log_request: true}
              budget_issue: {notify: privacy}
              sla_breach: {notify: marketing_ops}
            """
        let rules = try loadRules(yaml: yaml).get()
        #expect(rules.escalations[.budgetIssue] == EscalationRoute(notify: .role("privacy")))
    }
}
