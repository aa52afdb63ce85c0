import Domain
import Yams

extension ConfigReader {
    /// Reads `approvals`: every campaign type has a route of at least one step; step ids are unique in
    /// their route, roles known, turnarounds more than zero, and conditions meaningful.
    mutating func readApprovals(_ node: Node, at path: ConfigPath) -> ApprovalMatrix {
        var routes: [CampaignType: [ApprovalStepRule]] = [:]
        for entry in entries(of: node, at: path, keyedBy: CampaignType.self) {
            let steps = elements(of: entry.node, at: entry.path)
            if steps.isEmpty, entry.node.sequence != nil {
                report("has no approval steps; every campaign type needs at least one", at: entry.path)
            }
            var route: [ApprovalStepRule] = []
            var seen: [String: ConfigPath] = [:]
            for step in steps {
                guard let rule = decode(ApprovalStepRule.self, from: step.node, at: step.path) else { continue }
                if rule.step.isBlank {
                    report("a step's id must not be blank", at: step.path["step"])
                } else if let first = seen[rule.step] {
                    report("duplicate step \"\(rule.step)\"; first defined at \(first)", at: step.path["step"])
                }
                seen[rule.step] = seen[rule.step] ?? step.path
                check(rule, at: step.path, isFirst: step.path == entry.path[0])
                route.append(rule)
            }
            routes[entry.key] = route
        }
        let missing = CampaignType.allCases.filter { routes[$0] == nil }
        if node.mapping != nil, !missing.isEmpty {
            report("no route for \(CampaignType.naming(missing)); every type needs one", at: path)
        }
        return ApprovalMatrix(routes)
    }

    private mutating func check(_ rule: ApprovalStepRule, at path: ConfigPath, isFirst: Bool) {
        checkRole(rule.role, at: path["role"])
        if isFirst, rule.parallelWithPrevious {
            report("the first step has no previous step to run in parallel with", at: path["parallel_with_previous"])
        }
        if let turnaround = rule.turnaround { checkPositive(turnaround, at: path["turnaround"]) }
        if let channels = rule.when?.channelsAny, channels.isEmpty {
            report(
                "lists no channels; leave channels_any out to apply to every channel", at: path["when"]["channels_any"])
        }
        if let threshold = rule.when?.budgetAtLeast { check(threshold, at: path["when"]["budget_at_least"]) }
    }

    /// Reports a negative amount or a currency that is not a three-letter ISO 4217 code.
    private mutating func check(_ money: Money, at path: ConfigPath) {
        if money.amountMinor < 0 {
            report("must not be negative, got \(money.amountMinor)", at: path["amount_minor"])
        }
        let isCode =
            money.currency.unicodeScalars.count == 3
            && money.currency.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        if !isCode {
            report(
                "expected a three-letter ISO 4217 currency code such as \"EUR\", got \"\(money.currency)\"",
                at: path["currency"])
        }
    }
}
