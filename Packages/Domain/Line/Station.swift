/// A service on the production line that owns some stages: the only one that decides commands for a
/// campaign while it waits in one of them. Wire values: `intake`, `build`, `approvals`, `launch`.
///
/// Every stage has exactly one owner, so at any point of the bus's total order one station decides for a
/// campaign; ownership passes with the fact that moves the campaign into another station's stage.
public enum Station: String, Sendable, Hashable, Codable, CaseIterable {
    /// Receives requests and triages them (held requests stay here); cancelled campaigns rest here.
    case intake
    /// Assignment, build, self-review, requester review and edits, and the QA hand-off.
    case build
    /// Approval routing and sign-offs.
    case approvals
    /// Scheduling, go-live, monitoring and close.
    case launch

    /// The stages this station owns.
    public var stages: [CampaignStage] { CampaignStage.allCases.filter { $0.station == self } }

    /// The CloudEvents source of the station's service, e.g. `marquee/build`.
    public var source: String { "marquee/\(rawValue)" }
}

extension CampaignStage {
    /// The station that decides commands while a campaign is in this stage.
    public var station: Station {
        switch self {
        case .submitted, .heldInIntake, .cancelled: .intake
        case .triaged, .assigned, .building, .selfReview, .requesterReview, .edits, .qaRequested, .qaFailed: .build
        case .qaPassed, .inApproval: .approvals
        case .approved, .scheduled, .live, .monitoring, .closed: .launch
        }
    }
}
