import Foundation

/// Wire form of a command: `{"type": "<CommandKind>", …}` with the command's data beside `type`, e.g.
/// `{"type": "request_edits", "by": "rita", "comments": "Shorter subject"}`.
extension CampaignCommand: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, request, specialist, by, comments, qa, approval, version, reason, until
        case goLiveAt = "go_live_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(CommandKind.self, forKey: .type) {
        case .resubmit: self = .resubmit(try c.decode(CampaignRequest.self, forKey: .request))
        case .assign: self = .assign(specialist: try c.decode(UserID.self, forKey: .specialist))
        case .startBuild: self = .startBuild
        case .submitForSelfReview: self = .submitForSelfReview
        case .sendToRequester: self = .sendToRequester
        case .requestEdits:
            self = .requestEdits(
                by: try c.decode(UserID.self, forKey: .by), comments: try c.decode(String.self, forKey: .comments))
        case .approveAsRequester: self = .approveAsRequester(by: try c.decode(UserID.self, forKey: .by))
        case .requestQA: self = .requestQA
        case .recordQA: self = .recordQA(try c.decode(QAVerdict.self, forKey: .qa))
        case .startApprovals: self = .startApprovals
        case .decideApproval: self = .decideApproval(try c.decode(ApprovalDecision.self, forKey: .approval))
        case .reviseDocument: self = .reviseDocument(try c.decode(DocumentVersion.self, forKey: .version))
        case .schedule: self = .schedule(goLiveAt: try c.decode(Date.self, forKey: .goLiveAt))
        case .goLive: self = .goLive
        case .startMonitoring: self = .startMonitoring(until: try c.decode(Date.self, forKey: .until))
        case .close: self = .close
        case .cancel: self = .cancel(reason: try c.decode(String.self, forKey: .reason))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .type)
        switch self {
        case .resubmit(let request): try c.encode(request, forKey: .request)
        case .assign(let user): try c.encode(user, forKey: .specialist)
        case .requestEdits(let user, let comments):
            try c.encode(user, forKey: .by)
            try c.encode(comments, forKey: .comments)
        case .approveAsRequester(let user): try c.encode(user, forKey: .by)
        case .recordQA(let verdict): try c.encode(verdict, forKey: .qa)
        case .decideApproval(let decision): try c.encode(decision, forKey: .approval)
        case .reviseDocument(let version): try c.encode(version, forKey: .version)
        case .schedule(let date): try c.encode(date, forKey: .goLiveAt)
        case .startMonitoring(let until): try c.encode(until, forKey: .until)
        case .cancel(let reason): try c.encode(reason, forKey: .reason)
        case .startBuild, .submitForSelfReview, .sendToRequester, .requestQA, .startApprovals, .goLive, .close: break
        }
    }
}
