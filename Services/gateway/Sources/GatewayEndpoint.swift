import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceKit
import ServiceLifecycle

/// marquee-gateway's HTTP endpoint: ServiceKit's `/metrics` and `/health` plus the API and dashboard of
/// ``GatewayRoutes``, behind ``ProblemMiddleware``. Once listening it prints `marquee-gateway ready http=HOST:PORT`.
public struct GatewayEndpoint: Service {
    let host: String
    let port: Int
    let registry: PrometheusCollectorRegistry
    let health: ServiceHealth
    let routes: GatewayRoutes
    let onReady: @Sendable (String) -> Void
    let logger: Logger

    /// An endpoint on `host:port` (0: a free port).
    public init(
        host: String, port: Int, registry: PrometheusCollectorRegistry, health: ServiceHealth, routes: GatewayRoutes,
        onReady: @escaping @Sendable (String) -> Void, logger: Logger
    ) {
        self.host = host
        self.port = port
        self.registry = registry
        self.health = health
        self.routes = routes
        self.onReady = onReady
        self.logger = logger
    }

    public func run() async throws {
        try await application().run()
    }

    /// Every route the gateway serves.
    public func router() -> Router<BasicRequestContext> {
        let health = health
        let router = StatusEndpoint.router(registry: registry, health: { await health.report() })
        router.add(middleware: ProblemMiddleware(logger: logger))
        routes.add(to: router)
        return router
    }

    /// The Hummingbird application (for `HummingbirdTesting`).
    public func application() -> some ApplicationProtocol {
        let (host, port, onReady) = (host, port, onReady)
        return Application(
            router: router(), configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in onReady("\(host):\(channel.localAddress?.port ?? port)") }, logger: logger)
    }
}
