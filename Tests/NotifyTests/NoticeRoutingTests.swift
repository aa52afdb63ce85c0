import Contracts
import Domain
import Foundation
import Testing

@testable import NotifyService

@Suite struct NoticeRoutingTests {
    static let email = EmailSettings(host: "127.0.0.1", port: 2525, from: "marquee@example.com", security: .plain)

    func notices() -> [Notice] {
        let escalation = Escalations.escalate(.slaBreach, campaign: "cmp-1", subject: "build", rules: rules)
        return NoticePlanner(rules: rules, dashboardURL: dashboard).notices(
            for: EscalationRaised(escalation: escalation, station: .build), title: "Spring")
    }

    func describe(_ routes: [NoticeRoute]) -> [String] {
        routes.map { route in
            switch route {
            case .inbox(let notice): "inbox \(notice.recipient.id)"
            case .queued(let message): "\(message.channel) \(message.recipient) \(message.address)"
            }
        }
    }

    @Test func withoutSMTPOnlyTheInboxIsUsed() {
        let routing = NoticeRouting(config: NotifyConfig(), zone: rules.calendar.zone)
        #expect(describe(routing.routes(notices(), at: at("2026-03-02T10:00:00+01:00"))) == ["inbox olga", "inbox lena"])
    }

    @Test func preferencesPickChannelsPerKindAndFeedsGetOneMessagePerKind() {
        let config = NotifyConfig(
            email: Self.email,
            webhooks: [
                WebhookSettings(name: "ops", format: .slack, url: "http://127.0.0.1:1/", kinds: [.slaBreached]),
                WebhookSettings(name: "golive", format: .slack, url: "http://127.0.0.1:1/", kinds: [.goLive]),
            ],
            people: ["olga": Preferences(channels: [.slaBreached: [.inbox]]), "lena": Preferences(defaultChannels: [.email])])
        let routing = NoticeRouting(config: config, zone: rules.calendar.zone)
        #expect(describe(routing.routes(notices(), at: at("2026-03-02T10:00:00+01:00"))) == [
            "inbox olga", "email lena lena@example.com", "webhook:ops * olga,lena",
        ])
    }

    @Test func quietHoursDelayEmailButNotTheInbox() throws {
        let quiet = QuietHours(from: try #require(TimeOfDay(text: "18:00")), to: try #require(TimeOfDay(text: "08:00")))
        let config = NotifyConfig(email: Self.email, people: ["lena": Preferences(quietHours: quiet)])
        let routes = NoticeRouting(config: config, zone: rules.calendar.zone).routes(notices(), at: at("2026-03-02T19:00:00+01:00"))
        let due = routes.compactMap { route -> (String, Date)? in
            guard case .queued(let message) = route else { return nil }
            return (message.recipient, message.dueAt)
        }
        #expect(due.map(\.0) == ["olga", "lena"])
        #expect(due.map(\.1) == [at("2026-03-02T19:00:00+01:00"), at("2026-03-03T08:00:00+01:00")])
        #expect(describe(routes).filter { $0.hasPrefix("inbox") } == ["inbox olga", "inbox lena"])
    }
}
