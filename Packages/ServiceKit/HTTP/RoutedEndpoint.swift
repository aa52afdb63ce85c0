import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle

/// The routes a service serves beside `/metrics` and `/health`.
public protocol ServiceRoutes: Sendable {
    /// Adds the routes to `router`.
    func add(to router: Router<BasicRequestContext>)
}

/// A service's HTTP endpoint: ``StatusEndpoint``'s `/metrics` and `/health` plus the service's own
/// ``ServiceRoutes``. Once listening it calls `onReady` with the bound `HOST:PORT` (where services print their
/// `marquee-<name> ready http=…` line).
public struct RoutedEndpoint<Routes: ServiceRoutes>: Service {
    let host: String
    let port: Int
    let registry: PrometheusCollectorRegistry
    let health: ServiceHealth
    /// The service's routes.
    public let routes: Routes
    let onReady: @Sendable (String) -> Void
    let logger: Logger

    /// An endpoint on `host:port` (0: a free port).
    public init(
        host: String, port: Int, registry: PrometheusCollectorRegistry, health: ServiceHealth, routes: Routes,
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

    /// Every route served: `/metrics`, `/health` and the service's.
    public func router() -> Router<BasicRequestContext> {
        let health = health
        let router = StatusEndpoint.router(registry: registry, health: { await health.report() })
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
