import Contracts
import Domain

/// One line per campaign fact for people: `v4  approval_rejected  → building  legal: "Needs the disclaimer"`.
enum FactLine {
    static func render(_ fact: CampaignFactRecorded) -> String {
        let time = RFC3339.string(from: fact.event.occurredAt)
        var line = "v\(fact.version)  \(time)  \(fact.event.fact.type.rawValue) → \(fact.stage.rawValue)"
        if let detail = detail(fact.event.fact) { line += "  \(detail)" }
        return line
    }

    private static func detail(_ fact: CampaignFact) -> String? {
        switch fact {
        case .triaged(.hold(let missing)): "missing: " + missing.map(\.rawValue).joined(separator: ", ")
        case .triaged(.assign(let role)): "assign to a \(role)"
        case .specialistAssigned(let user): "specialist \(user)"
        case .editsRequested(let edit): "\(edit.by): \"\(edit.comments)\""
        case .qaRecorded(let verdict): "\(verdict.outcome.rawValue) by \(verdict.reviewer)"
        case .documentRevised(let version): "\(version.document) v\(version.version)"
        case .approvalRecorded(let decision): "\(decision.step) signed by \(decision.approver)"
        case .approvalRejected(let decision): "\(decision.step) rejected by \(decision.approver): \"\(decision.comments ?? "")\""
        case .scheduled(let date): "go-live \(RFC3339.string(from: date))"
        case .monitoringStarted(let until): "until \(RFC3339.string(from: until))"
        case .cancelled(let reason): "\"\(reason)\""
        default: nil
        }
    }
}
