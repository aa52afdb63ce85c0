import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceKit
import ServiceLifecycle

/// marquee-assistant's HTTP endpoint: ServiceKit's `/metrics` and `/health` plus ``AssistantRoutes``. Once
/// listening it prints `marquee-assistant ready http=HOST:PORT`.
public struct AssistantEndpoint: Service {
    let host: String
    let port: Int
    let registry: PrometheusCollectorRegistry
    let health: ServiceHealth
    let routes: AssistantRoutes
    let onReady: @Sendable (String) -> Void
    let logger: Logger

    /// An endpoint on `host:port` (0: a free port).
    public init(
        host: String, port: Int, registry: PrometheusCollectorRegistry, health: ServiceHealth, routes: AssistantRoutes,
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
