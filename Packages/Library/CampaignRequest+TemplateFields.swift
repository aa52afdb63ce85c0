import Domain
import Foundation

extension CampaignRequest {
    /// The values templates can use as `{{field}}`: `campaign_id`, `title`, `requester`, `objective`, `type`,
    /// `goal`, `audience`, `key_message`, `channels`, `budget`, `launch_date`, `outline`, `asset_needs`,
    /// `timeline`. Absent values are left out, so the renderer reports them.
    public func templateFields(campaignID: CampaignID) -> [String: String] {
        var fields = [
            "campaign_id": campaignID.rawValue, "title": title, "requester": requester.rawValue,
            "type": type.rawValue.replacingOccurrences(of: "_", with: " "),
            "channels": brief.channels.map(\.rawValue).joined(separator: ", "),
            "asset_needs": assetNeeds.map { "- \($0.channel.rawValue): \($0.size) \($0.format.rawValue)" }.joined(separator: "\n"),
            "timeline": timeline.map { "- \($0.due.iso): \($0.name)" }.joined(separator: "\n"),
        ]
        fields["objective"] = objective?.rawValue
        fields["goal"] = brief.goal
        fields["audience"] = brief.audience
        fields["key_message"] = brief.keyMessage
        fields["budget"] = brief.budget.map { money in
            let cents = abs(money.amountMinor % 100)
            return "\(money.amountMinor / 100).\(cents < 10 ? "0" : "")\(cents) \(money.currency)"
        }
        fields["launch_date"] = brief.launchDate?.iso
        fields["outline"] = outline
        return fields
    }
}
