/// What `GET /health` of a ``StatusEndpoint`` answers: a JSON report, with status 200 when healthy and
/// 503 otherwise. ``HealthReport`` is a service's; the broker has its own.
public protocol HealthReporting: Encodable, Sendable {
    /// Whether all is well (200) or not (503).
    var isHealthy: Bool { get }
}

extension HealthReport: HealthReporting {
    public var isHealthy: Bool { status == .ok }
}
