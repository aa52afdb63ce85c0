import Foundation

extension Campaign {
    /// Folds one event into the campaign. Events are facts, so this never fails; it is how both
    /// `apply(_:at:rules:)` and replay change a campaign.
    public mutating func evolve(_ event: DomainEvent) {
        let now = event.occurredAt
        switch event.fact {
        case .submitted(let request):
            self = Campaign(id: event.campaignID, request: request, submittedAt: now)
        case .resubmitted(let request):
            self.request = request
        case .triaged(let decision):
            triage = decision
            if case .hold = decision { holdCount += 1 }
            enter(decision.isAssign ? .triaged : .heldInIntake, at: now)
        case .specialistAssigned(let user):
            specialist = user
            if !builders.contains(user) { builders.append(user) }
            enter(.assigned, at: now)
        case .buildStarted:
            enter(.building, at: now)
        case .selfReviewStarted:
            enter(.selfReview, at: now)
        case .sentToRequester(let round):
            reviewRounds = round
            enter(.requesterReview, at: now)
        case .editsRequested(let edit):
            editRounds = edit.round
            if edit.afterRequesterApproval { editRoundsAfterRequesterApproval += 1 }
            if edit.afterQAPassed { editsAfterQAPassed += 1 }
            requesterApproved = false
            qaPassed = false
            enter(.edits, at: now)
        case .requesterApproved:
            requesterApproved = true
        case .qaRequested:
            enter(.qaRequested, at: now)
        case .qaRecorded(let verdict):
            lastQA = verdict
            qaPassed = verdict.outcome == .passed
            if verdict.outcome == .failed { qaFailures += 1 }
            enter(verdict.outcome == .passed ? .qaPassed : .qaFailed, at: now)
        case .documentRevised(let version):
            documents.removeAll { $0.document == version.document }
            documents.append(version)
            documents.sort { $0.document < $1.document }
        case .signOffsInvalidated(let steps, _):
            guard var progress = approvals else { break }
            for index in progress.steps.indices where steps.contains(progress.steps[index].step.id) {
                progress.steps[index].signOff = nil
                progress.steps[index].openedAt = nil
            }
            if stage == .inApproval { progress.openCurrentPhase(at: now) }
            approvals = progress
        case .qaInvalidated:
            if qaPassed { editsAfterQAPassed += 1 }
            qaPassed = false
            if stage != .qaRequested { enter(.qaRequested, at: now) }
        case .approvalsStarted(let plan):
            var progress = ApprovalProgress(plan: plan)
            for index in progress.steps.indices {
                let id = progress.steps[index].step.id
                progress.steps[index].signOff = approvals?.steps.first { $0.step.id == id }?.signOff
            }
            progress.openCurrentPhase(at: now)
            approvals = progress
            enter(.inApproval, at: now)
        case .approvalRecorded(let decision):
            guard var progress = approvals,
                let index = progress.steps.firstIndex(where: { $0.step.id == decision.step })
            else { break }
            progress.steps[index].signOff = SignOff(approver: decision.approver, at: now, documents: decision.documents)
            progress.openCurrentPhase(at: now)
            approvals = progress
        case .approvalRejected(let decision):
            lastRejection = decision
            requesterApproved = false
            qaPassed = false
            enter(.building, at: now)
        case .campaignApproved(let versions):
            approvedVersions = versions
            enter(.approved, at: now)
        case .scheduled(let date):
            goLiveAt = date
            enter(.scheduled, at: now)
        case .wentLive:
            enter(.live, at: now)
        case .monitoringStarted(let until):
            monitoringUntil = until
            enter(.monitoring, at: now)
        case .closed:
            enter(.closed, at: now)
        case .cancelled(let reason):
            cancelReason = reason
            enter(.cancelled, at: now)
        }
    }

    private mutating func enter(_ next: CampaignStage, at now: Date) {
        stage = next
        stageEnteredAt = now
        history.append(StageVisit(stage: next, enteredAt: now))
    }
}

extension TriageDecision {
    /// Whether the decision assigns the request.
    public var isAssign: Bool {
        if case .assign = self { return true }
        return false
    }
}
