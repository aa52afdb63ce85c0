import Foundation
import GatewayService
import HTTPTypes
import Hummingbird
import ServiceKit
import Testing
import Yams

/// docs/openapi.yaml describes exactly the JSON API routes the gateway's router serves.
@Suite struct OpenAPITests {
    static func specification() throws -> [String: Any] {
        let docs = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/openapi.yaml")
        let text = try String(contentsOf: docs, encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    @Test func everyRouteIsInTheSpecificationAndViceVersa() async throws {
        let spec = try Self.specification()
        #expect(spec["openapi"] as? String == "3.1.0")
        let paths = try #require(spec["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        let documented = Set(paths.flatMap { path, operations in
            operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
        })
        let gateway = try await GatewayHarness.make()
        // The spec describes the machine-facing API only (`/api/…`, the `/calendar.ics` feed, `/health` and
        // `/metrics`): the dashboard's HTML pages, forms, static files and `/events` stream are for browsers, their
        // contract is the dashboard itself (docs/gateway.md), so they are left out of the comparison.
        let machineFacing: Set<String> = ["/calendar.ics", "/health", "/metrics"]
        let served = Set(
            gateway.endpoint.router().routes.filter { "\($0.path)".hasPrefix("/api/") || machineFacing.contains("\($0.path)") }
                .map { "\($0.method.rawValue) \($0.path)" })
        #expect(served.subtracting(documented).isEmpty, "served but not documented")
        #expect(documented.subtracting(served).isEmpty, "documented but not served")
        #expect(served.contains("POST /api/campaigns/{id}/commands"))
    }
}
