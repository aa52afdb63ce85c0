import Domain
import Foundation

extension TemplateRequest {
    /// The missing-template escalation along `rules`' route (flag the campaign, log a request to the owner),
    /// or `nil` when the template was not asked for a campaign: then only the request log records it.
    public func escalation(rules: Rules) -> Escalation? {
        campaignID.map { Escalations.missingTemplate(name, campaign: $0, documentOwner: owner, rules: rules) }
    }
}
