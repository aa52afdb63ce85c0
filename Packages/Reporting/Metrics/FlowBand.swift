import Domain

/// A band of the cumulative flow diagram: the stations' stages, with everything launched as `done`.
/// Cancelled campaigns leave the diagram.
public enum FlowBand: String, Sendable, Hashable, Codable, CaseIterable {
    /// Submitted or held in intake.
    case intake
    /// Triaged up to QA (`triaged` … `qa_failed`).
    case build
    /// QA passed and in approval.
    case approvals
    /// Approved or scheduled.
    case launch
    /// Live, monitoring or closed.
    case done

    /// The band of `stage`; `nil` for cancelled.
    public init?(_ stage: CampaignStage) {
        switch stage {
        case .cancelled: return nil
        case .live, .monitoring, .closed: self = .done
        case .approved, .scheduled: self = .launch
        default:
            switch stage.station {
            case .intake: self = .intake
            case .build: self = .build
            case .approvals: self = .approvals
            case .launch: self = .launch
            }
        }
    }
}
