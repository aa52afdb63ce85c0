import ServiceKit

/// marquee-gateway's HTTP endpoint: ServiceKit's `/metrics` and `/health` plus the API and dashboard of
/// ``GatewayRoutes``, behind ``ProblemMiddleware``. Once listening it prints `marquee-gateway ready http=HOST:PORT`.
public typealias GatewayEndpoint = RoutedEndpoint<GatewayRoutes>

extension GatewayRoutes: ServiceRoutes {}
