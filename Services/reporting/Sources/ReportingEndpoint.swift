import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceKit
import ServiceLifecycle

/// marquee-reporting's HTTP endpoint: ServiceKit's `/metrics` and `/health` plus ``ReportingRoutes``. Once
/// listening it prints `marquee-reporting ready http=HOST:PORT`.
public struct ReportingEndpoint: Service {
    let host: String
    let port: Int
    let registry: PrometheusCollectorRegistry
    let health: ServiceHealth
    let routes: ReportingRoutes
    let onReady: @Sendable (String) -> Void
    let logger: Logger

    /// An endpoint on `host:port` (0: a free port).
    public init(
        host: String, port: Int, registry: PrometheusCollectorRegistry, health: ServiceHealth, routes: ReportingRoutes,
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

    /// The Hummingbird application (for `HummingbirdTesting`).
    public func application() -> some ApplicationProtocol {
        let health = health
        let router = StatusEndpoint.router(registry: registry, health: { await health.report() })
        routes.add(to: router)
        let (host, port, onReady) = (host, port, onReady)
        return Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in onReady("\(host):\(channel.localAddress?.port ?? port)") }, logger: logger)
    }
}
