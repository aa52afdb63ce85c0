import Domain
import Foundation

/// One document that ships with the product.
public struct BuiltInDocument: Sendable, Hashable {
    /// Its path in the library.
    public var path: String
    /// Its title.
    public var title: String
    /// Template or SOP.
    public var kind: DocumentKind
    /// Its body; templates use `{{field}}` placeholders.
    public var body: String
}

extension BuiltInDocument {
    /// The default templates and SOPs installed into an empty library.
    public static let all: [BuiltInDocument] = [
        BuiltInDocument(
            path: "template/campaign_brief", title: "Campaign Brief", kind: .template,
            body: """
                # Campaign Brief: {{title}} ({{campaign_id}})
                Requester: {{requester}} · Type: {{type}} · Objective: {{objective}}
                ## Goal
                {{goal}}
                ## Audience
                {{audience}}
                ## Key message
                {{key_message}}
                ## Channels
                {{channels}}
                ## Budget and launch
                Budget: {{budget}} · Launch date: {{launch_date}}
                ## Outline
                {{outline}}
                """),
        BuiltInDocument(
            path: "template/design_request", title: "Design Request", kind: .template,
            body: """
                # Design Request: {{title}} ({{campaign_id}})
                Requested by {{requester}} for launch on {{launch_date}}.
                Key message to carry visually: {{key_message}}
                Audience: {{audience}}
                ## Assets (channel: size format)
                {{asset_needs}}
                Every delivery is a new version; the readiness check runs against the channel specs.
                """),
        BuiltInDocument(
            path: "template/reporting", title: "Reporting Template", kind: .template,
            body: """
                # Campaign Report: {{title}} ({{campaign_id}})
                Objective: {{objective}} · Goal: {{goal}}
                Channels: {{channels}} · Launched: {{launch_date}} · Budget: {{budget}}
                ## Process
                Time in each stage against SLA, edit rounds, QA failures.
                ## Performance
                Imported KPIs against the goal.
                ## Retro
                Pain points logged by participants.
                """),
        BuiltInDocument(
            path: "template/go_live_announcement", title: "Go-live Announcement", kind: .template,
            body: """
                Subject: {{title}} is live
                Hi team, {{title}} went live on {{launch_date}} on {{channels}}.
                Key message: {{key_message}}
                Audience: {{audience}}
                Thanks to everyone who built, reviewed and approved it. Monitoring runs for the next days;
                report anything unusual in the campaign thread.
                """),
        BuiltInDocument(
            path: "template/qa_checklist", title: "QA Checklist", kind: .template,
            body: """
                # QA Checklist: {{title}} ({{campaign_id}})
                Reviewer must not be the builder.
                - [ ] Email content: copy, personalisation, unsubscribe link, under 102 KB
                - [ ] Image rendering: alt text, sizes per channel ({{channels}})
                - [ ] Links and UTMs survive redirects
                - [ ] Audience setup matches: {{audience}}
                - [ ] Asset specs per channel:
                {{asset_needs}}
                """),
        BuiltInDocument(
            path: "sop/escalations", title: "SOP: SLAs and escalations", kind: .sop,
            body: """
                Every step has an owner role and a turnaround in business hours. A delayed approval escalates to
                the marketing ops lead. A missing template raises a flag and logs a request to the document
                owner. A budget issue goes to finance ops.
                """),
        BuiltInDocument(
            path: "sop/intake", title: "SOP: Request intake and triage", kind: .sop,
            body: """
                A request is triaged against the minimum viable request of its type. A complete request is
                assigned to a specialist; an incomplete one is held in intake with the exact missing items and
                the requester is told. A resubmission is triaged again.
                """),
    ]
}
