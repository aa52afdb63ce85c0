import Domain
import RulesConfig
import Testing

/// One bad snippet and the problem it must produce.
struct BadConfigCase: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var path: String
    var message: String

    var testDescription: String { name }
}

@Suite struct BadConfigTests {
    static let cases: [BadConfigCase] = [
        BadConfigCase(
            name: "misspelt section", yaml: "aprovals: {}\n", path: "aprovals",
            message: #"unknown key "aprovals"; did you mean "approvals"?"#),
        BadConfigCase(
            name: "unknown role in a matrix step",
            yaml: """
                approvals:
                  product_launch:
                    - {step: marketing_lead, role: marketing_lead}
                    - {step: brand, role: brand}
                    - {step: legal, role: legl}
                  event: [{step: marketing_lead, role: marketing_lead}]
                  seasonal: [{step: marketing_lead, role: marketing_lead}]
                  other: [{step: marketing_lead, role: marketing_lead}]
                """,
            path: "approvals.product_launch[2].role", message: #"unknown role "legl""#),
        BadConfigCase(
            name: "unknown role of a person",
            yaml: "people: [{id: ana, name: Ana, roles: [requester, legl]}]\n", path: "people[0].roles[1]",
            message: #"unknown role "legl""#),
        BadConfigCase(
            name: "duplicate person id",
            yaml: "people: [{id: ana, name: Ana, roles: [requester]}, {id: ana, name: Ann, roles: [legal]}]\n",
            path: "people[1].id", message: #"duplicate person id "ana"; first used at people[0]"#),
        BadConfigCase(
            name: "unknown key in a person", yaml: "people: [{id: ana, name: Ana, rolez: [legal], roles: [legal]}]\n",
            path: "people[0].rolez", message: #"unknown key "rolez"; did you mean "roles"?"#),
        BadConfigCase(
            name: "unknown key without a value", yaml: "people: [{id: ana, name: Ana, roles: [legal], emial: ~}]\n",
            path: "people[0].emial", message: #"unknown key "emial""#),
        BadConfigCase(
            name: "MVP field that does not exist",
            yaml: "mvp: {event: {fields: [title, budgt], assign_to: specialist}}\n", path: "mvp.event.fields[1]",
            message: #"unknown MVP field "budgt"; expected one of: title, objective, goal, audience, key_message, "#
                + "channels, budget, launch_date, outline, asset_needs, timeline, swot"),
        BadConfigCase(
            name: "unknown campaign type", yaml: "mvp: {webinar: {fields: [title], assign_to: specialist}}\n",
            path: "mvp.webinar",
            message: #"unknown campaign type "webinar"; expected one of: product_launch, event, seasonal, other"#),
        BadConfigCase(
            name: "unknown SLA owner", yaml: slas(qa: "{owner: tester, turnaround: 1d}"), path: "slas.qa.owner",
            message: #"unknown role "tester""#),
        BadConfigCase(
            name: "zero turnaround", yaml: slas(qa: "{owner: qa_reviewer, turnaround: 0h}"),
            path: "slas.qa.turnaround", message: #"must be more than zero, got "0h""#),
        BadConfigCase(
            name: "negative turnaround", yaml: slas(qa: "{owner: qa_reviewer, turnaround: -2d}"),
            path: "slas.qa.turnaround", message: #"expected a duration like "1d", "4h" or "30m", got "-2d""#),
        BadConfigCase(
            name: "SLA section missing steps", yaml: "slas: {qa: {owner: qa_reviewer, turnaround: 1d}}\n",
            path: "slas",
            message: #"no SLA for steps "resubmission", "assignment", "build_start", "build", "self_review", "#
                + #""requester_review", "edits", "qa_rework", "approval_routing", "approval", "scheduling"; "#
                + "every step needs an owner and a turnaround"),
        BadConfigCase(
            name: "closing before opening", yaml: calendar(opens: "'17:00'", closes: "'09:00'"),
            path: "calendar.closes", message: "closing time 09:00 must be after opening time 17:00"),
        BadConfigCase(
            name: "invalid time zone", yaml: calendar(zone: "Mars/Olympus"), path: "calendar.time_zone",
            message: #"unknown time zone "Mars/Olympus"; expected an IANA name such as "Europe/Berlin""#),
        BadConfigCase(
            name: "malformed holiday", yaml: calendar(holidays: "['2026-02-30']"), path: "calendar.holidays[0]",
            message: #"expected a date as YYYY-MM-DD, got "2026-02-30""#),
        BadConfigCase(
            name: "missing calendar key",
            yaml: "calendar: {time_zone: UTC, working_days: [monday], opens: '09:00', closes: '17:00'}\n",
            path: "calendar", message: #"missing key "holidays""#),
        BadConfigCase(
            name: "empty approval route",
            yaml: """
                approvals:
                  product_launch: []
                  event: [{step: marketing_lead, role: marketing_lead}]
                  seasonal: [{step: marketing_lead, role: marketing_lead}]
                  other: [{step: marketing_lead, role: marketing_lead}]
                """,
            path: "approvals.product_launch",
            message: "has no approval steps; every campaign type needs at least one"),
        BadConfigCase(
            name: "unknown channel spec", yaml: "channel_specs: {fax: {formats: [pdf], sizes: []}}\n",
            path: "channel_specs.fax",
            message: #"unknown channel "fax"; expected one of: email, web, social, instagram, linkedin, paid, sms"#),
        BadConfigCase(
            name: "unknown channel in a condition",
            yaml: """
                approvals:
                  product_launch: [{step: legal, role: legal, when: {channels_any: [tiktok]}}]
                  event: [{step: marketing_lead, role: marketing_lead}]
                  seasonal: [{step: marketing_lead, role: marketing_lead}]
                  other: [{step: marketing_lead, role: marketing_lead}]
                """,
            path: "approvals.product_launch[0].when.channels_any[0]",
            message: #"unknown channel "tiktok"; expected one of: email, web, social, instagram, linkedin, paid, sms"#),
        BadConfigCase(
            name: "unknown escalation target",
            yaml: """
                escalations:
                  delayed_approval: {notify: ops_boss}
                  missing_template: {notify: document_owner}
                  budget_issue: {notify: finance_ops}
                  sla_breach: {notify: marketing_ops}
                """,
            path: "escalations.delayed_approval.notify", message: #"unknown role "ops_boss""#),
        BadConfigCase(
            name: "wrong type", yaml: "people: [{id: ana, name: Ana, roles: requester}]\n", path: "people[0].roles",
            message: #"expected a list, got "requester""#),
        BadConfigCase(
            name: "missing warning threshold", yaml: "warnings: {edits_after_qa_passed: 1, long_hold: 3d}\n",
            path: "warnings", message: #"missing key "edit_rounds_after_requester_approval""#),
        BadConfigCase(
            name: "negative monitoring window", yaml: "launch: {go_live_at: '09:00', monitoring_days: -1}\n",
            path: "launch.monitoring_days", message: "must be 0 or more, got -1"),
        BadConfigCase(
            name: "role named like the document owner target", yaml: roles(extra: "document_owner"),
            path: "roles[11]", message: #""document_owner" is reserved for escalation targets and cannot be a role"#),
        BadConfigCase(
            name: "non-positive asset size",
            yaml: "channel_specs: {paid: {formats: [png], sizes: [{width: 0, height: 250}]}}\n",
            path: "channel_specs.paid.sizes[0]", message: "expected a width and height of at least 1 pixel, got 0x250"),
        BadConfigCase(
            name: "role dropped that a default section uses",
            yaml: "roles: [requester, marketing_ops, marketing_ops_lead, specialist, designer, qa_reviewer, "
                + "marketing_lead, brand, finance, finance_ops]\n",
            path: "people[9].roles[0]",
            message: #"unknown role "legal" (in the built-in default "people" section, which this file does not "#
                + "override)"),
    ]

    @Test(arguments: cases)
    func badSnippetIsReportedAtItsPath(_ row: BadConfigCase) throws {
        let problems = try #require(failure(of: row.yaml))
        let found = problems.errors.map { "\($0.path)|\($0.message)" }
        #expect(found.contains("\(row.path)|\(row.message)"), "got:\n\(problems)")
    }

    private func failure(of yaml: String) -> ConfigErrors? {
        guard case .failure(let problems) = loadRules(yaml: yaml) else { return nil }
        return problems
    }

    private static func slas(qa: String) -> String {
        let others = SLAStep.allCases.filter { $0 != .qa }.map {
            "  \($0.rawValue): {owner: specialist, turnaround: 1d}"
        }
        return "slas:\n  qa: \(qa)\n" + others.joined(separator: "\n") + "\n"
    }

    private static func calendar(
        zone: String = "Europe/Berlin", opens: String = "'09:00'",
        closes: String = "'17:00'", holidays: String = "[]"
    ) -> String {
        """
        calendar:
          time_zone: \(zone)
          working_days: [monday, tuesday, wednesday, thursday, friday]
          opens: \(opens)
          closes: \(closes)
          holidays: \(holidays)

        """
    }

    private static func roles(extra: String) -> String {
        "roles: [" + (Rules.builtIn.roles.map(\.rawValue) + [extra]).joined(separator: ", ") + "]\n"
    }
}
