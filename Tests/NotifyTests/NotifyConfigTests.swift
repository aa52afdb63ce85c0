import Contracts
import Domain
import Foundation
import Testing

@testable import NotifyService

@Suite struct NotifyConfigTests {
    @Test func readsEverySection() throws {
        let config = try NotifyConfig.parse(
            """
            dashboard_url: https://marquee.example.com
            default_channels: [inbox]
            email: {host: smtp.example.com, from: "Marquee <m@example.com>", username: m, password_env: SMTP_PASSWORD}
            webhooks:
              - {name: ops, format: slack, url: "https://hooks.example.com/x", kinds: [escalation]}
              - {name: audit, format: signed, url: "http://127.0.0.1:9/a", secret_env: AUDIT_KEY}
            people:
              ana: {channels: {qa_failed: [inbox, email]}, quiet_hours: {from: "20:00", to: "08:00", time_zone: Europe/Berlin}}
            retry: {max_attempts: 3, first_delay_ms: 10}
            """)
        #expect(config.dashboardURL == "https://marquee.example.com")
        #expect(config.defaultChannels == [.inbox])
        let email = try #require(config.email)
        #expect(email.port == 587 && email.security == .starttls && email.username == "m")
        #expect(try email.password(environment: ["SMTP_PASSWORD": "pw"])?.value == "pw")
        #expect(config.webhooks.map(\.channel) == ["webhook:ops", "webhook:audit"])
        #expect(config.webhooks[0].receives(.escalation) && !config.webhooks[0].receives(.goLive))
        #expect(config.webhooks[1].receives(.goLive))
        #expect(config.preferences(of: "ana").channels(for: .qaFailed, fallback: []) == [.inbox, .email])
        #expect(config.preferences(of: "ana").channels(for: .goLive, fallback: [.inbox]) == [.inbox])
        #expect(config.preferences(of: "ana").quietHours?.timeZone == "Europe/Berlin")
        #expect(config.retry == RetryPolicy(maxAttempts: 3, firstDelayMilliseconds: 10, maxDelayMilliseconds: 300_000))
    }

    @Test func anEmptyFileIsTheDefaults() throws {
        let config = try NotifyConfig.parse("")
        #expect(config.email == nil && config.webhooks.isEmpty && config.defaultChannels == [.email, .inbox])
    }

    @Test(arguments: [
        "webhooks: [{name: a, format: signed, url: \"http://x/\"}]",
        "webhooks: [{name: a, format: slack, url: \"ftp://x/\"}]",
        "webhooks: [{name: a, format: slack, url: \"http://x/\"}, {name: a, format: slack, url: \"http://y/\"}]",
        "people: {ana: {channels: {qa_failed: [pigeon]}}}",
        "people: {ana: {quiet_hours: {from: \"25:00\", to: \"08:00\"}}}",
        "email: {host: h}",
    ])
    func badConfigIsRefused(_ yaml: String) {
        #expect(throws: (any Error).self) { try NotifyConfig.parse(yaml) }
    }

    @Test func aMissingSecretVariableIsAnError() {
        let webhook = WebhookSettings(name: "a", format: .signed, url: "http://x/", secretEnv: "NOPE")
        #expect(throws: NotifyConfigError.self) { try webhook.signingKey(environment: [:]) }
    }
}

@Suite struct SMTPReplyTests {
    @Test func multilineRepliesAreReadWhole() throws {
        var lines = ["250-mail.example.com", "250-STARTTLS", "250 AUTH LOGIN PLAIN"]
        let reply = try #require(try SMTPReply.take(from: &lines))
        #expect(reply.code == 250 && lines.isEmpty)
        #expect(reply.extensions.contains("STARTTLS"))
        #expect(reply.offersAuth("PLAIN") && reply.offersAuth("LOGIN") && !reply.offersAuth("CRAM-MD5"))
    }

    @Test func anIncompleteReplyWaitsForMore() throws {
        var lines = ["250-first"]
        #expect(try SMTPReply.take(from: &lines) == nil)
        #expect(lines == ["250-first"])
    }

    @Test func garbageIsAFailure() {
        var lines = ["hello there"]
        #expect(throws: DeliveryFailure.self) { try SMTPReply.take(from: &lines) }
    }

    @Test func classifiesCodes() {
        #expect(SMTPReply(code: 550, lines: []).isPermanentFailure)
        #expect(!SMTPReply(code: 451, lines: []).isPermanentFailure)
    }
}
