import ServiceKit

/// marquee-reporting's HTTP endpoint: ServiceKit's `/metrics` and `/health` plus ``ReportingRoutes``. Once
/// listening it prints `marquee-reporting ready http=HOST:PORT`.
public typealias ReportingEndpoint = RoutedEndpoint<ReportingRoutes>

extension ReportingRoutes: ServiceRoutes {}
