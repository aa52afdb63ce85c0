import Contracts
import Crypto
import Domain
import Foundation

/// The headers and body of the HTTP POST a webhook delivery makes: a Slack-compatible `{"text": …}` body, or the notification as
/// JSON signed with `X-Marquee-Signature: sha256=<hex HMAC-SHA256 of the body>` beside `X-Marquee-Timestamp`
/// (also in the body as `sent_at`, so the signature covers it) and `X-Marquee-Delivery` (stable across retries).
public struct WebhookRequest: Sendable, Hashable {
    public var headers: [String: String]
    public var body: Data

    /// The signed payload's JSON.
    struct Signed: Encodable {
        var deliveryID: String
        var kind: NotificationKind
        var campaignID: String
        var recipients: [String]
        var title: String
        var body: String
        var link: String
        var causeID: String
        var sentAt: String

        enum CodingKeys: String, CodingKey {
            case kind, recipients, title, body, link
            case deliveryID = "delivery_id"
            case campaignID = "campaign_id"
            case causeID = "cause_id"
            case sentAt = "sent_at"
        }
    }

    /// The request for `delivery` to `webhook`, at `now`; `key` signs it when the format is `signed`.
    public static func make(_ delivery: Delivery, webhook: WebhookSettings, key: Secret?, now: Date) throws -> WebhookRequest {
        var headers = ["Content-Type": "application/json", "X-Marquee-Delivery": delivery.deliveryID]
        let body: Data
        switch webhook.format {
        case .slack:
            body = try MarqueeJSON.encode(["text": "*\(delivery.title)*\n\(delivery.body)"])
        case .signed:
            let timestamp = RFC3339.string(from: now)
            body = try MarqueeJSON.encode(
                Signed(
                    deliveryID: delivery.deliveryID, kind: delivery.kind, campaignID: delivery.campaignID.rawValue,
                    recipients: delivery.address.split(separator: ",").map(String.init), title: delivery.title,
                    body: delivery.body, link: delivery.link, causeID: delivery.causeID, sentAt: timestamp))
            headers["X-Marquee-Timestamp"] = timestamp
            if let key { headers["X-Marquee-Signature"] = signature(of: body, key: key) }
        }
        return WebhookRequest(headers: headers, body: body)
    }

    /// `sha256=<lowercase hex HMAC-SHA256 of body under key>`.
    public static func signature(of body: Data, key: Secret) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(key.value.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }
}
