import Foundation
import GatewayService
import HTTPTypes
import Hummingbird
import Testing
import Yams

/// docs/openapi.yaml describes exactly the routes the gateway's router serves.
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
        let served = Set(gateway.endpoint.router().routes.map { "\($0.method.rawValue) \($0.path)" })
        #expect(served.subtracting(documented).isEmpty, "served but not documented")
        #expect(documented.subtracting(served).isEmpty, "documented but not served")
        #expect(served.contains("POST /api/campaigns/{id}/commands"))
    }
}
