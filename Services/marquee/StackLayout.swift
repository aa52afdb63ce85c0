import Foundation

/// Where `marquee up` puts each process: ports from one base port, a data directory per process under the
/// stack's directory, logs in `DIR/logs`.
struct StackLayout {
    let directory: URL
    let basePort: Int
    /// Extra flags for the four stations (their clock).
    let stationFlags: [String]
    let bin: URL

    var logs: URL { directory.appendingPathComponent("logs") }

    func endpoint(_ offset: Int) -> String { "tcp://127.0.0.1:\(basePort + offset)" }

    /// The broker's endpoints as the services' flags (`--bus-ingress …`) or the CLI's (`--ingress …`).
    func busFlags(cli: Bool = false) -> [String] {
        cli
            ? ["--ingress", endpoint(1), "--fanout", endpoint(2), "--control", endpoint(3)]
            : ["--bus-ingress", endpoint(1), "--bus-fanout", endpoint(2), "--bus-control", endpoint(3), "--bus-group", endpoint(4)]
    }

    /// The broker, the four stations, reporting, notify (dashboard inbox only, links to the gateway) and the
    /// gateway, in start order.
    var core: [Supervisor.Child] {
        let bus = Supervisor.Child(
            name: "marquee-bus", executable: bin.appendingPathComponent("marquee-bus"),
            arguments: [
                "--data", directory.appendingPathComponent("bus").path, "--insecure",
                "--ingress", endpoint(1), "--fanout", endpoint(2), "--control", endpoint(3), "--group", endpoint(4),
                "--http", "127.0.0.1:\(basePort + 80)",
            ], ready: "marquee-bus ready")
        let stations = ["intake", "build", "approvals", "launch"].enumerated().map { index, name in
            var station = service(name, port: basePort + 81 + index)
            station.arguments += stationFlags
            return station
        }
        var notify = service("notify", port: basePort + 87)
        notify.arguments += ["--dashboard-url", "http://127.0.0.1:\(basePort + 88)"]
        return [bus] + stations + [service("reporting", port: basePort + 86), notify, service("gateway", port: basePort + 88)]
    }

    /// QA replica `replica` (1-based): its own data directory, worker id and port.
    func qa(_ replica: Int) -> Supervisor.Child {
        var child = service("qa", port: basePort + 90 + replica, data: "qa-\(replica)")
        child.name = "marquee-qa-\(replica)"
        child.arguments += ["--worker-id", "qa-\(replica)"]
        return child
    }

    private func service(_ name: String, port: Int, data: String? = nil) -> Supervisor.Child {
        Supervisor.Child(
            name: "marquee-\(name)", executable: bin.appendingPathComponent("marquee-\(name)"),
            arguments: busFlags() + [
                "--data", directory.appendingPathComponent(data ?? name).path, "--http", "127.0.0.1:\(port)",
            ], ready: "marquee-\(name) ready")
    }

    /// The gateway's first-start admin password line, if this run's gateway log has one.
    func gatewayAdminLogin() -> String? {
        let log = (try? String(contentsOf: logs.appendingPathComponent("marquee-gateway.log"), encoding: .utf8)) ?? ""
        let marker = "marquee-gateway user admin one-time password "
        guard let line = log.split(separator: "\n").last(where: { $0.hasPrefix(marker) }) else { return nil }
        return "admin / \(line.dropFirst(marker.count)) (one-time; shown at the first start only)"
    }

    /// What `marquee up` prints once everything runs.
    func summary(qaReplicas: Int) -> String {
        """
        marquee up: running (development mode: plain TCP on loopback)
          broker       \(endpoint(1)) ingress · \(endpoint(2)) fan-out · \(endpoint(3)) control · \(endpoint(4)) groups
          metrics      http://127.0.0.1:\(basePort + 80)/metrics (broker); /metrics and /health on every service port
          stations     intake :\(basePort + 81)  build :\(basePort + 82)  approvals :\(basePort + 83)  launch :\(basePort + 84)
          QA replicas  \(qaReplicas) on :\(basePort + 91)…  (marquee scale qa N --var \(directory.path))
          reporting    http://127.0.0.1:\(basePort + 86)/reports/weekly?week=…&format=html
          notify       :\(basePort + 87) (dashboard inbox; email and chat with --notify-config, see docs/notify.md)
          gateway      http://127.0.0.1:\(basePort + 88)/api/campaigns (HTTP API; sign in with POST /api/session)
          logs         \(logs.path)/
          follow       marquee tail --from 1 \(busFlags(cli: true).joined(separator: " "))
        Ctrl-C stops everything.
        """
    }
}
