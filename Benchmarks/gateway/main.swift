import Domain
import Foundation
import GatewayService
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Prometheus
import ServiceKit
import ServiceLifecycle

// marquee-gateway-bench [--campaigns N] [--requests N] [--board-requests N] [--connections N]
//
// The gateway's HTTP application runs in this process on a free loopback port over a read model of 10,000
// campaigns (generated facts folded by the gateway's own ReadModelHandler, see ReadModelSeed). Signed in as
// marketing ops by `POST /api/session`, a few keep-alive connections (LoadRun) send a fixed number of GETs to:
// - `GET /health` — the baseline: Hummingbird, the middleware and two small store reads, same server, same run;
// - `GET /api/campaigns?limit=50` — the list's first page;
// - `GET /api/campaigns/{id}/status` and `GET /api/campaigns/{id}` — one campaign, ids spread over the model;
// - `GET /` — the dashboard board: every campaign as a card, one column per stage.
// It prints requests per second and p50/p99 latency per endpoint, and each against the baseline. Client and
// server share the machine's cores, and on a shared machine absolute figures vary: compare the ratios.

func run() async throws {
    let settings = try BenchSettings(Array(CommandLine.arguments.dropFirst()))
    var logger = Logger(label: "marquee-gateway-bench")
    logger.logLevel = .warning
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("gateway-bench-\(UUID().uuidString).sqlite").path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    let store = try ServiceStore(path: path) { GatewayStore.register(&$0) }
    let rules = Rules.builtIn
    let users = UserDirectory(store: store, hasher: PasswordHasher(cost: 4))
    let passwords = Dictionary(uniqueKeysWithValues: try await users.seedIfEmpty(people: rules.people).map { ($0.user.id, $0.password) })
    let changes = CampaignChanges()

    let seedStart = ContinuousClock.now
    let seeded = try await ReadModelSeed(campaigns: settings.campaigns).fold(
        into: store, handler: ReadModelHandler(rules: rules, changes: changes), logger: logger)
    let seedSeconds = (ContinuousClock.now - seedStart) / .seconds(1)
    print(
        "read model: \(settings.campaigns) campaigns, \(seeded.facts) facts folded by ReadModelHandler in "
            + String(format: "%.1f s (%.0f facts/s)", seedSeconds, Double(seeded.facts) / seedSeconds))

    let now = seeded.latest.addingTimeInterval(3600)
    let (ready, announce) = AsyncStream.makeStream(of: String.self)
    let endpoint = GatewayEndpoint(
        host: "127.0.0.1", port: 0, registry: PrometheusCollectorRegistry(),
        health: ServiceHealth(service: "gateway", store: store, control: nil, logger: logger),
        routes: GatewayRoutes(store: store, rules: rules, users: users, changes: changes, clock: WallClock { now }, logger: logger),
        onReady: { address in announce.yield(address) }, logger: logger)
    let server = ServiceGroup(services: [endpoint], gracefulShutdownSignals: [], logger: logger)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        var addresses = ready.makeAsyncIterator()
        guard let address = await addresses.next(), let port = address.split(separator: ":").last.flatMap({ Int($0) }) else {
            throw Usage("the gateway did not start")
        }
        let cookie = try await signIn("olga", password: passwords["olga"] ?? "", port: port)
        let results = try await measure(settings, port: port, headers: [.cookie: cookie])
        report(results, settings: settings)
        await server.triggerGracefulShutdown()
        try await group.waitForAll()
    }
}

/// The session cookie of `user`, from `POST /api/session`.
func signIn(_ user: String, password: String, port: Int) async throws -> String {
    try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
        let body = try JSONSerialization.data(withJSONObject: ["user": user, "password": password])
        let response = try await client.post(
            "/api/session", headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body))
        guard response.status == .ok, let pair = response.headers[.setCookie]?.split(separator: ";").first else {
            throw Usage("signing in as \(user) answered \(response.status.code)")
        }
        return String(pair)
    }
}

/// Every endpoint, the baseline first.
func measure(_ settings: BenchSettings, port: Int, headers: HTTPFields) async throws -> [LoadRun.Result] {
    let load = LoadRun(port: port, connections: settings.connections)
    let campaigns = settings.campaigns
    // Ids spread over the whole model by a step coprime with most sizes.
    let id: @Sendable (Int) -> String = { "cmp-\((($0 &* 7919) % campaigns + campaigns) % campaigns)" }
    return [
        try await load.run("GET /health (baseline)", requests: settings.requests, headers: headers) { _ in "/health" },
        try await load.run("GET /api/campaigns?limit=50", requests: settings.requests, headers: headers) { _ in
            "/api/campaigns?limit=50"
        },
        try await load.run("GET /api/campaigns/{id}/status", requests: settings.requests, headers: headers) {
            "/api/campaigns/\(id($0))/status"
        },
        try await load.run("GET /api/campaigns/{id}", requests: settings.requests, headers: headers) {
            "/api/campaigns/\(id($0))"
        },
        // The server is warm by now, and one board page costs seconds: no warm-up.
        try await load.run("GET / (board)", requests: settings.boardRequests, headers: headers, warmUp: 0) { _ in "/" },
    ]
}

func report(_ results: [LoadRun.Result], settings: BenchSettings) {
    guard let baseline = results.first else { return }
    print("\(settings.connections) connections; ratios against \(baseline.name) measured in the same run")
    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
    func number(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    /// Whole numbers from 100, one decimal from 1, two significant digits below (a slow page's figures still show).
    func significant(_ value: Double) -> String {
        String(format: value >= 100 ? "%.0f" : value >= 1 ? "%.1f" : "%.2g", value)
    }
    print(
        pad("endpoint", 34) + pad("requests", 10) + pad("req/s", 10) + pad("p50 ms", 10) + pad("p99 ms", 10)
            + pad("body KB", 10) + pad("req/s vs base", 15) + "p50 vs base")
    for result in results {
        print(
            pad(result.name, 34) + pad("\(result.requests)", 10) + pad(significant(result.perSecond), 10)
                + pad(number(result.milliseconds(at: 0.5), 2), 10) + pad(number(result.milliseconds(at: 0.99), 2), 10)
                + pad(number(Double(result.bodyBytes) / Double(result.requests) / 1024, 1), 10)
                + pad(significant(result.perSecond / baseline.perSecond) + "x", 15)
                + significant(result.milliseconds(at: 0.5) / baseline.milliseconds(at: 0.5)) + "x")
    }
}

do {
    try await run()
} catch {
    FileHandle.standardError.write(Data("marquee-gateway-bench: \(error)\n".utf8))
    exit(1)
}
