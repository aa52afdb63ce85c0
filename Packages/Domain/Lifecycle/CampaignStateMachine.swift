import Foundation

extension CampaignStage {
    /// The commands this stage accepts; every other command is `TransitionError.notAllowed`.
    /// Guards (who may act, which versions, which times) are checked after this table.
    public var allowedCommands: Set<CommandKind> {
        switch self {
        case .submitted: [.cancel]
        case .heldInIntake: [.resubmit, .cancel]
        case .triaged: [.assign, .cancel]
        case .assigned: [.assign, .startBuild, .cancel]
        case .building: [.submitForSelfReview, .reviseDocument, .cancel]
        case .selfReview: [.sendToRequester, .reviseDocument, .cancel]
        case .requesterReview: [.requestEdits, .approveAsRequester, .requestQA, .reviseDocument, .cancel]
        case .edits: [.sendToRequester, .reviseDocument, .cancel]
        case .qaRequested: [.recordQA, .requestEdits, .reviseDocument, .cancel]
        case .qaPassed: [.startApprovals, .requestEdits, .reviseDocument, .cancel]
        case .qaFailed: [.startBuild, .reviseDocument, .cancel]
        case .inApproval: [.decideApproval, .requestEdits, .reviseDocument, .cancel]
        case .approved: [.schedule, .reviseDocument, .cancel]
        case .scheduled: [.schedule, .goLive, .reviseDocument, .cancel]
        case .live: [.startMonitoring]
        case .monitoring: [.close]
        case .closed, .cancelled: []
        }
    }
}

extension Campaign {
    /// Receives a new request: the campaign starts in `submitted` and MVP triage moves it to `triaged` or
    /// `held_in_intake` at once. Returns the campaign and the events to publish.
    public static func submit(_ request: CampaignRequest, id: CampaignID, at now: Date,
                              rules: Rules) -> (campaign: Campaign, events: [DomainEvent]) {
        var campaign = Campaign(id: id, request: request, submittedAt: now)
        let triaged = DomainEvent(campaignID: id, occurredAt: now, fact: .triaged(Domain.triage(request, rules: rules)))
        campaign.evolve(triaged)
        return (campaign, [DomainEvent(campaignID: id, occurredAt: now, fact: .submitted(request)), triaged])
    }

    /// Decides `command` at `now` under `rules`, folds the resulting events into the campaign and returns
    /// them for the caller to store and publish. On error the campaign is unchanged.
    @discardableResult
    public mutating func apply(_ command: CampaignCommand, at now: Date,
                               rules: Rules) throws(TransitionError) -> [DomainEvent] {
        let events = try decide(command, at: now, rules: rules)
        for event in events { evolve(event) }
        return events
    }

    /// The events `command` would cause at `now`, without changing the campaign. An empty list means the
    /// command changes nothing (e.g. a document revision with the current content hash).
    public func decide(_ command: CampaignCommand, at now: Date,
                       rules: Rules) throws(TransitionError) -> [DomainEvent] {
        guard stage.allowedCommands.contains(command.kind) else {
            throw .notAllowed(from: stage, command: command.kind)
        }
        return try facts(for: command, at: now, rules: rules).map {
            DomainEvent(campaignID: id, occurredAt: now, fact: $0)
        }
    }

    private func facts(for command: CampaignCommand, at now: Date,
                       rules: Rules) throws(TransitionError) -> [CampaignFact] {
        switch command {
        case .resubmit(let next):
            guard next.requester == request.requester else { throw .notRequester(next.requester) }
            return [.resubmitted(next), .triaged(Domain.triage(next, rules: rules))]
        case .assign(let user):
            let role = rules.mvpRule(for: request.type).assignTo
            guard rules.user(user, holds: role) else { throw .missingRole(user, role) }
            return [.specialistAssigned(user)]
        case .startBuild:
            return [.buildStarted]
        case .submitForSelfReview:
            return [.selfReviewStarted]
        case .sendToRequester:
            return [.sentToRequester(round: reviewRounds + 1)]
        case .requestEdits(let user, let comments):
            guard user == request.requester else { throw .notRequester(user) }
            guard !comments.isBlank else { throw .commentsRequired }
            let edit = EditRequest(
                by: user, comments: comments, round: editRounds + 1, afterRequesterApproval: requesterApproved,
                afterQAPassed: qaPassed)
            return [.editsRequested(edit)]
        case .approveAsRequester(let user):
            guard user == request.requester else { throw .notRequester(user) }
            return requesterApproved ? [] : [.requesterApproved(by: user)]
        case .requestQA:
            guard requesterApproved else { throw .requesterApprovalMissing }
            return [.qaRequested]
        case .recordQA(let verdict):
            guard !builders.contains(verdict.reviewer) else { throw .reviewerIsBuilder(verdict.reviewer) }
            guard rules.user(verdict.reviewer, holds: .qaReviewer) else {
                throw .missingRole(verdict.reviewer, .qaReviewer)
            }
            guard verdict.documents.sameContent(as: documents) else { throw .staleDocuments }
            if let problem = verdict.checklistProblem { throw .invalidChecklist(problem) }
            guard verdict.outcome == .passed || !verdict.findings.isEmpty else { throw .commentsRequired }
            return [.qaRecorded(verdict)]
        case .startApprovals:
            let started = CampaignFact.approvalsStarted(rules.approvals.route(request))
            return [started] + completion(after: started, at: now)
        case .decideApproval(let decision):
            return try facts(for: decision, at: now, rules: rules)
        case .reviseDocument(let version):
            return revision(version)
        case .schedule(let date):
            guard date > now else { throw .notInFuture(date) }
            return [.scheduled(goLiveAt: date)]
        case .goLive:
            let due = goLiveAt ?? now
            guard now >= due else { throw .tooEarly(until: due) }
            return [.wentLive]
        case .startMonitoring(let until):
            guard until > now else { throw .notInFuture(until) }
            return [.monitoringStarted(until: until)]
        case .close:
            let end = monitoringUntil ?? now
            guard now >= end else { throw .tooEarly(until: end) }
            return [.closed]
        case .cancel(let reason):
            guard !reason.isBlank else { throw .commentsRequired }
            return [.cancelled(reason: reason)]
        }
    }

    private func facts(for decision: ApprovalDecision, at now: Date,
                       rules: Rules) throws(TransitionError) -> [CampaignFact] {
        guard let progress = approvals, let state = progress.steps.first(where: { $0.step.id == decision.step })
        else { throw .unknownApprovalStep(decision.step) }
        guard progress.openSteps.contains(where: { $0.step.id == decision.step }) else {
            throw .approvalStepNotOpen(decision.step)
        }
        if state.step.distinctFromRequester, decision.approver == request.requester {
            throw .approverIsRequester(decision.approver)
        }
        guard rules.user(decision.approver, holds: state.step.role) else {
            throw .missingRole(decision.approver, state.step.role)
        }
        guard decision.documents.sameContent(as: documents) else { throw .staleDocuments }
        switch decision.verdict {
        case .rejected:
            guard !(decision.comments ?? "").isBlank else { throw .commentsRequired }
            return [.approvalRejected(decision)]
        case .approved:
            let recorded = CampaignFact.approvalRecorded(decision)
            return [recorded] + completion(after: recorded, at: now)
        }
    }

    /// `campaign_approved` when folding `fact` would leave every approval step signed.
    private func completion(after fact: CampaignFact, at now: Date) -> [CampaignFact] {
        var next = self
        next.evolve(DomainEvent(campaignID: id, occurredAt: now, fact: fact))
        return next.approvals?.isComplete == true ? [.campaignApproved(versions: documents)] : []
    }

    /// A new document version invalidates sign-offs and a QA pass that saw other content.
    private func revision(_ version: DocumentVersion) -> [CampaignFact] {
        guard documents.hash(of: version.document) != version.contentHash else { return [] }
        var facts: [CampaignFact] = [.documentRevised(version)]
        let stale = approvals?.signOffs(staleFor: version.document, newHash: version.contentHash) ?? []
        if !stale.isEmpty { facts.append(.signOffsInvalidated(steps: stale, document: version.document)) }
        if qaPassed { facts.append(.qaInvalidated(document: version.document)) }
        return facts
    }
}
