import ServiceKit

/// marquee-assistant's HTTP endpoint: ServiceKit's `/metrics` and `/health` plus ``AssistantRoutes``. Once
/// listening it prints `marquee-assistant ready http=HOST:PORT`.
public typealias AssistantEndpoint = RoutedEndpoint<AssistantRoutes>

extension AssistantRoutes: ServiceRoutes {}
