import Contracts
import Domain
import Foundation

/// Parses an ISO 8601 instant with offset, e.g. `"2027-03-01T10:00:00+01:00"`.
func at(_ text: String) -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else { preconditionFailure("bad test date \(text)") }
    return date
}

/// A product-launch request complete for its MVP, launching on `launch` (budget under the finance threshold).
func completeRequest(requester: UserID = "ana", launch: Day = Day(year: 2027, month: 3, day: 15)) -> CampaignRequest {
    CampaignRequest(
        title: "Spring launch", requester: requester, objective: .conversion, type: .productLaunch,
        brief: Brief(
            goal: "1,000 trials", audience: "Free-tier admins", keyMessage: "Approvals made painless",
            channels: [.email], budget: Money(amountMinor: 100_000, currency: "EUR"), launchDate: launch),
        outline: "Launch email", assetNeeds: [AssetNeed(channel: .email, format: .png, size: PixelSize(width: 600, height: 300))])
}

/// The email document in two versions.
enum Docs {
    static let v1 = DocumentVersion(document: "email-main", version: 1, contentHash: "sha256:aaa")
    static let v2 = DocumentVersion(document: "email-main", version: 2, contentHash: "sha256:bbb")
}

extension SimulatedLine {
    /// Sends `command` for `campaign` at `time` and settles the line.
    @discardableResult
    func command(_ command: CampaignCommand, _ campaign: CampaignID, at time: Date) throws -> Envelope<CampaignCommandIssued> {
        let envelope = try publish(CampaignCommandIssued(campaignID: campaign, command: command), at: time)
        try settle()
        return envelope
    }

    /// Takes a complete request from submission to `qa_passed` (and so into approvals), one command a minute
    /// from `start`. Returns the time of the last command.
    @discardableResult
    func buildThroughQA(_ id: CampaignID, from start: Date, builder: UserID = "sam") throws -> Date {
        var time = start
        func next() -> Date {
            time = time.addingTimeInterval(60)
            return time
        }
        try publish(RequestSubmitted(campaignID: id, request: completeRequest()), at: time)
        try settle()
        try command(.assign(specialist: builder), id, at: next())
        try command(.startBuild, id, at: next())
        try command(.reviseDocument(Docs.v1), id, at: next())
        try command(.submitForSelfReview, id, at: next())
        try command(.sendToRequester, id, at: next())
        try command(.approveAsRequester(by: "ana"), id, at: next())
        try command(.requestQA, id, at: next())
        try command(.recordQA(QAVerdict(reviewer: "quinn", outcome: .passed, documents: [Docs.v1])), id, at: next())
        return time
    }
}
