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
        "webhooks: [{name: a, format: slack}]",
        "webhooks: [{name: a, format: slack, url: \"http://x/\", url_env: HOOK}]",
    ])
    func badConfigIsRefused(_ yaml: String) {
        #expect(throws: (any Error).self) { try NotifyConfig.parse(yaml) }
    }

    /// A misspelt key anywhere stops the start with its path, instead of silently doing nothing.
    @Test(arguments: [
        ("dashbord_url: https://x/", "dashbord_url"),
        ("email: {host: h, from: f, pasword_file: /run/pw}", "pasword_file"),
        ("webhooks: [{name: a, format: slack, url: \"http://x/\", kind: [go_live]}]", "kind"),
        ("people: {ana: {quiet_hours: {from: \"20:00\", to: \"08:00\", timezone: UTC}}}", "timezone"),
        ("people: {ana: {chanels: {}}}", "chanels"),
        ("retry: {max_attempt: 3}", "max_attempt"),
    ])
    func anUnknownKeyIsNamed(_ yaml: String, _ key: String) {
        do {
            _ = try NotifyConfig.parse(yaml)
            Issue.record("\(yaml) was accepted")
        } catch {
            let sentence = "\(error)"
            #expect(error is NotifyConfigError)
            #expect(sentence.contains(".\(key): unknown key \"\(key)\"") || sentence.hasPrefix("\(key): unknown key"), "\(sentence)")
        }
    }

    @Test func aWebhookAddressCanComeFromTheEnvironmentOrAFile() throws {
        let config = try NotifyConfig.parse(
            """
            webhooks:
              - {name: ops, format: slack, url_env: OPS_HOOK}
              - {name: audit, format: slack, url_file: /nonexistent/hook}
            """)
        let ops = config.webhooks[0]
        #expect(try ops.endpoint(environment: ["OPS_HOOK": "https://hooks.example.com/T0/B0/x"]).host == "hooks.example.com")
        #expect(throws: NotifyConfigError.self) { try ops.endpoint(environment: [:]) }
        do {
            _ = try ops.endpoint(environment: ["OPS_HOOK": "ftp://T0-secret"])
            Issue.record("a non-http address was accepted")
        } catch {
            #expect(!"\(error)".contains("T0-secret"), "the error repeats the address")
        }
        #expect(throws: (any Error).self) { try config.webhooks[1].endpoint(environment: [:]) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hook-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("https://hooks.example.com/from-file\n".utf8).write(to: file)
        let fromFile = WebhookSettings(name: "f", format: .slack, urlFile: file.path)
        #expect(try fromFile.endpoint().absoluteString == "https://hooks.example.com/from-file")
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
