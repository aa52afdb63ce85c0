import Domain
import Foundation
import RulesConfig

/// Where `marquee up` puts each process: ports from one base port, a data directory per process under the
/// stack's directory, logs in `DIR/logs`, the rules in `DIR/marquee.yaml` and, unless the stack runs plain TCP, the
/// CURVE keys in `DIR/keys`.
struct StackLayout {
    let directory: URL
    let basePort: Int
    /// Whether the broker runs plain TCP (`--insecure`) instead of CURVE with the keys in ``keys``.
    let insecure: Bool
    /// Extra flags for the four stations (their clock).
    let stationFlags: [String]
    let bin: URL

    var logs: URL { directory.appendingPathComponent("logs") }
    /// The key pairs and the broker's allowlist (``StackSecurity``).
    var keys: URL { directory.appendingPathComponent("keys") }
    /// The rules every service loads: the built-in ones written out on the first run, to edit.
    var config: URL { directory.appendingPathComponent("marquee.yaml") }
    /// The assistant's caller token (``CallerToken``), held by the gateway and `marquee ask`.
    var assistantToken: URL { keys.appendingPathComponent("assistant.token") }

    /// Writes what a first run needs and is missing: the rules file and, unless insecure, the CURVE keys.
    /// Returns a line per thing written.
    func prepare() throws -> [String] {
        var written: [String] = []
        if !FileManager.default.fileExists(atPath: config.path) {
            try Data(try Rules.builtIn.configYAML().utf8).write(to: config, options: .atomic)
            written.append("wrote the built-in rules to \(config.path) (edit it and restart to change the line's rules)")
        }
        if try CallerToken.write(to: assistantToken) { written.append("wrote the assistant's caller token to \(assistantToken.path)") }
        if !insecure {
            let created = try StackSecurity.write(into: keys)
            if !created.isEmpty { written.append("generated CURVE keys for \(created.joined(separator: ", ")) in \(keys.path)") }
        }
        return written
    }

    /// The CURVE flags of a client named `identity`: the broker's public key and the client's secret key file.
    private func keyFlags(_ identity: String) -> [String] {
        insecure
            ? []
            : [
                "--bus-server-key", keys.appendingPathComponent("\(StackSecurity.broker).key").path,
                "--bus-key", keys.appendingPathComponent("\(identity).secret").path,
            ]
    }

    func endpoint(_ offset: Int) -> String { "tcp://127.0.0.1:\(basePort + offset)" }

    /// The broker's endpoints as the services' flags (`--bus-ingress …`) or the CLI's (`--ingress …`, as the
    /// operators' identity `ops`).
    func busFlags(cli: Bool = false) -> [String] {
        cli
            ? ["--ingress", endpoint(1), "--fanout", endpoint(2), "--control", endpoint(3)] + keyFlags("ops")
            : ["--bus-ingress", endpoint(1), "--bus-fanout", endpoint(2), "--bus-control", endpoint(3), "--bus-group", endpoint(4)]
    }

    /// The broker, the four stations, reporting, notify (dashboard inbox only, links to the gateway), the
    /// assistant and the gateway (which passes chat messages to the assistant), in start order.
    var core: [Supervisor.Child] {
        let bus = Supervisor.Child(
            name: "marquee-bus", executable: bin.appendingPathComponent("marquee-bus"),
            arguments: [
                "--data", directory.appendingPathComponent("bus").path,
            ] + (insecure ? ["--insecure"] : ["--security", keys.appendingPathComponent(StackSecurity.securityFile).path]) + [
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
        var assistant = service("assistant", port: basePort + 85)
        assistant.arguments += ["--caller-token-file", assistantToken.path]
        var gateway = service("gateway", port: basePort + 88)
        gateway.arguments += ["--assistant-url", "http://127.0.0.1:\(basePort + 85)", "--assistant-token-file", assistantToken.path]
        return [bus] + stations + [
            service("reporting", port: basePort + 86), notify, assistant, gateway,
        ]
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
            arguments: busFlags() + keyFlags(name) + [
                "--data", directory.appendingPathComponent(data ?? name).path, "--http", "127.0.0.1:\(port)",
                "--config", config.path,
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
        marquee up: running on loopback (\(insecure ? "development mode: plain TCP, no CURVE" : "CURVE keys in \(keys.path)"); rules in \(config.path))
          broker       \(endpoint(1)) ingress · \(endpoint(2)) fan-out · \(endpoint(3)) control · \(endpoint(4)) groups
          metrics      http://127.0.0.1:\(basePort + 80)/metrics (broker); /metrics and /health on every service port
          stations     intake :\(basePort + 81)  build :\(basePort + 82)  approvals :\(basePort + 83)  launch :\(basePort + 84)
          QA replicas  \(qaReplicas) on :\(basePort + 91)…  (marquee scale qa N --var \(directory.path))
          reporting    http://127.0.0.1:\(basePort + 86)/reports/weekly?week=…&format=html
          assistant    marquee ask "what's due this week" --assistant http://127.0.0.1:\(basePort + 85) --token-file \(assistantToken.path)
          notify       :\(basePort + 87) (dashboard inbox; email and chat with --notify-config, see docs/notify.md)
          dashboard    http://127.0.0.1:\(basePort + 88)/ (sign in below; HTTP API under /api, docs/openapi.yaml)
          logs         \(logs.path)/
          follow       marquee tail --from 1 \(busFlags(cli: true).joined(separator: " "))
        Ctrl-C stops everything.
        """
    }
}
