import Foundation
import ServiceKit

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A team feed over HTTP POST (``WebhookRequest``): 2xx is delivered; 408, 429 and 5xx are retried; any
/// other status is refused for good; a connection error or timeout is retried.
public struct WebhookChannel: NotificationChannel {
    public var name: String { webhook.channel }
    let webhook: WebhookSettings
    let endpoint: URL
    let key: Secret?
    let session: URLSession
    let clock: WallClock

    /// A channel posting to `endpoint` (the webhook's resolved address) for `webhook`, signing with `key` when
    /// its format is `signed`.
    public init(
        webhook: WebhookSettings, endpoint: URL, key: Secret?, timeout: TimeInterval = 10, clock: WallClock = .system
    ) {
        self.webhook = webhook
        self.endpoint = endpoint
        self.key = key
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        self.session = URLSession(configuration: configuration)
        self.clock = clock
    }

    public func send(_ delivery: Delivery) async throws {
        let prepared = try WebhookRequest.make(delivery, webhook: webhook, key: key, now: clock.now())
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        for (field, value) in prepared.headers { request.setValue(value, forHTTPHeaderField: field) }
        let status: Int
        do {
            let (_, response) = try await session.upload(for: request, from: prepared.body)
            status = (response as? HTTPURLResponse)?.statusCode ?? 0
        } catch {
            throw DeliveryFailure("webhook \(webhook.name): \(error.localizedDescription)")
        }
        guard (200..<300).contains(status) else {
            let retryable = status == 408 || status == 429 || status >= 500 || status == 0
            throw DeliveryFailure("webhook \(webhook.name) answered \(status)", permanent: !retryable)
        }
    }
}
