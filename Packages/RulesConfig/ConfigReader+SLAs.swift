import Domain
import Yams

extension ConfigReader {
    /// Reads `slas`: every step has an SLA whose owner is a known role and whose turnaround is more than zero.
    mutating func readSLAs(_ node: Node, at path: ConfigPath) -> [SLAStep: SLAPolicy] {
        var slas: [SLAStep: SLAPolicy] = [:]
        var listed: Set<SLAStep> = []
        for entry in entries(of: node, at: path, keyedBy: SLAStep.self) {
            listed.insert(entry.key)
            guard let policy = decode(SLAPolicy.self, from: entry.node, at: entry.path) else { continue }
            checkRole(policy.owner, at: entry.path["owner"])
            checkPositive(policy.turnaround, at: entry.path["turnaround"])
            slas[entry.key] = policy
        }
        let missing = SLAStep.allCases.filter { !listed.contains($0) }
        if node.mapping != nil, !missing.isEmpty {
            let steps = (missing.count == 1 ? "step " : "steps ") + SLAStep.quoted(missing)
            report("no SLA for \(steps); every step needs an owner and a turnaround", at: path)
        }
        return slas
    }

    /// Reads `escalations`: every reason has a route to a known role or to `document_owner`.
    mutating func readEscalations(_ node: Node, at path: ConfigPath) -> [EscalationReason: EscalationRoute] {
        var routes: [EscalationReason: EscalationRoute] = [:]
        var listed: Set<EscalationReason> = []
        for entry in entries(of: node, at: path, keyedBy: EscalationReason.self) {
            listed.insert(entry.key)
            guard let route = decode(EscalationRoute.self, from: entry.node, at: entry.path) else { continue }
            if case .role(let role) = route.notify { checkRole(role, at: entry.path["notify"]) }
            routes[entry.key] = route
        }
        let missing = EscalationReason.allCases.filter { !listed.contains($0) }
        if node.mapping != nil, !missing.isEmpty {
            report("no route for \(EscalationReason.naming(missing)); every reason needs one", at: path)
        }
        return routes
    }

    /// Checks `warnings`: counts of at least one and a long hold of more than zero.
    mutating func check(_ warnings: WarningThresholds, at path: ConfigPath) {
        if warnings.editRoundsAfterRequesterApproval < 1 {
            report(
                "must be at least 1, got \(warnings.editRoundsAfterRequesterApproval)",
                at: path["edit_rounds_after_requester_approval"])
        }
        if warnings.editsAfterQAPassed < 1 {
            report("must be at least 1, got \(warnings.editsAfterQAPassed)", at: path["edits_after_qa_passed"])
        }
        checkPositive(warnings.longHold, at: path["long_hold"])
    }
}
