import Contracts
import Crypto
import Domain
import Foundation
import Testing

@testable import NotifyService

@Suite struct WebhookRequestTests {
    let delivery = Delivery(
        id: 1, causeID: "0f8fad5b-d9cb-469f-a165-70867728950e", correlationID: "c", channel: "webhook:ops", recipient: "*",
        address: "lena,olga", kind: .slaBreached, campaignID: "cmp-1", title: "[Marquee] SLA breached: cmp-1",
        body: "For Lena, Olga.\nSLA breached", link: "https://m/campaigns/cmp-1", attempts: 0, dueAt: .distantPast,
        createdAt: .distantPast)

    @Test func slackFormatIsATextField() throws {
        let webhook = WebhookSettings(name: "ops", format: .slack, url: "http://127.0.0.1:1/hook")
        let request = try WebhookRequest.make(delivery, webhook: webhook, key: nil, now: at("2026-11-24T09:00:00Z"))
        let json = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: String])
        #expect(json == ["text": "*[Marquee] SLA breached: cmp-1*\nFor Lena, Olga.\nSLA breached"])
        #expect(request.headers["X-Marquee-Signature"] == nil)
    }

    @Test func signedFormatCarriesAnHMACOfTheBodyAndTheTimestamp() throws {
        let webhook = WebhookSettings(name: "ops", format: .signed, url: "http://127.0.0.1:1/hook", secretEnv: "X")
        let key = Secret("s3cret")
        let request = try WebhookRequest.make(delivery, webhook: webhook, key: key, now: at("2026-11-24T09:00:00Z"))
        let expected = HMAC<SHA256>.authenticationCode(for: request.body, using: SymmetricKey(data: Data("s3cret".utf8)))
        #expect(request.headers["X-Marquee-Signature"] == "sha256=" + expected.map { String(format: "%02x", $0) }.joined())
        #expect(request.headers["X-Marquee-Timestamp"] == "2026-11-24T09:00:00.000Z")
        #expect(request.headers["X-Marquee-Delivery"] == delivery.deliveryID)
        let json = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        #expect(json["sent_at"] as? String == "2026-11-24T09:00:00.000Z")
        #expect(json["recipients"] as? [String] == ["lena", "olga"])
        #expect(json["kind"] as? String == "sla_breached")
        #expect(json["link"] as? String == "https://m/campaigns/cmp-1")
    }

    @Test func deliveryIDIsStableAndDistinctPerChannel() {
        var email = delivery
        email.channel = "email"
        #expect(delivery.deliveryID == delivery.deliveryID)
        #expect(delivery.deliveryID != email.deliveryID)
    }

    @Test func secretsNeverPrint() {
        #expect("\(Secret("hunter2"))" == "<secret>")
    }
}
