import Contracts
import Hummingbird
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle

/// The small HTTP endpoint every service (and the broker) runs: `GET /metrics` (Prometheus text) and
/// `GET /health` (a JSON ``HealthReporting`` report; 503 when not healthy). Once listening it calls `onReady`
/// with the bound `host:port`.
public struct StatusEndpoint: Service {
    let host: String
    let port: Int
    let registry: PrometheusCollectorRegistry
    let health: @Sendable () async -> any HealthReporting
    let onReady: @Sendable (String) -> Void
    let logger: Logger

    /// An endpoint on `host:port` (0: a free port) serving `registry` and `health`.
    public init(
        host: String, port: Int, registry: PrometheusCollectorRegistry,
        health: @escaping @Sendable () async -> any HealthReporting, onReady: @escaping @Sendable (String) -> Void = { _ in },
        logger: Logger
    ) {
        self.host = host
        self.port = port
        self.registry = registry
        self.health = health
        self.onReady = onReady
        self.logger = logger
    }

    /// Serves until gracefully shut down.
    public func run() async throws {
        try await application().run()
    }

    /// The Hummingbird application (for `HummingbirdTesting`).
    public func application() -> some ApplicationProtocol {
        let (host, port, onReady) = (host, port, onReady)
        return Application(
            router: Self.router(registry: registry, health: health),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in onReady("\(host):\(channel.localAddress?.port ?? port)") },
            logger: logger)
    }

    /// The routes.
    public static func router(
        registry: PrometheusCollectorRegistry, health: @escaping @Sendable () async -> any HealthReporting
    ) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        router.get("health") { _, _ in
            let report = await health()
            return Response(
                status: report.isHealthy ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: Array(try MarqueeJSON.encode(report)))))
        }
        return router
    }
}
