import Broker
import BusService
import Foundation
import Testing
import ZeroMQ

@Suite struct BusSecurityFileTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-secfile-\(UUID().uuidString)").path

    /// Writes a server key pair and an `intake` client pair into `directory/keys`.
    private func keys() throws -> (server: CurveKeyPair, intake: CurveKeyPair) {
        let server = try CurveKeyPair.generate()
        let intake = try CurveKeyPair.generate()
        try CurveKeyFile.write(server, directory: directory + "/keys", name: "bus")
        try CurveKeyFile.write(intake, directory: directory + "/keys", name: "intake")
        return (server, intake)
    }

    private func parse(_ yaml: String) throws(BusSecurityFileError) -> BusSecurityMode {
        try BusSecurityFile.parse(yaml: yaml, file: "bus-security.yaml", baseDirectory: directory)
    }

    @Test func readsKeysAllowlistPrefixesAndSources() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (server, intake) = try keys()
        let build = try CurveKeyPair.generate()
        let mode = try parse(
            """
            server:
              secret_key_file: keys/bus.secret
            clients:
              - name: intake
                public_key_file: keys/intake.key
                publish: [campaign.intake., campaign.request.]
              - name: build
                public_key: "\(build.publicKey)"
                publish: [">"]
                sources: [marquee/build, marquee/build-worker]
              - name: ops
                public_key: "\(try CurveKeyPair.generate().publicKey)"
                publish: [""]
                sources: ["*"]
              - name: dashboard
                public_key: "\(try CurveKeyPair.generate().publicKey)"
            """)
        guard case .curve(let security) = mode else {
            Issue.record("expected CURVE, got \(mode)")
            return
        }
        #expect(security.serverSecretKey == server.secretKey)
        #expect(security.clients.map(\.name) == ["intake", "build", "ops", "dashboard"])
        #expect(security.clients[0].publicKey == intake.publicKey)
        #expect(security.clients[0].publishPrefixes == ["campaign.intake.", "campaign.request."])
        #expect(security.clients[0].sources == .only(["marquee/intake"]))
        #expect(security.clients[1].publishPrefixes == [""])
        #expect(security.clients[1].sources == .only(["marquee/build", "marquee/build-worker"]))
        #expect(security.clients[2].sources == .any)
        #expect(security.clients[3].publishPrefixes.isEmpty)
        #expect(security.problem == nil)
    }

    @Test func insecureTrueMeansPlainTCP() throws {
        #expect(try parse("insecure: true\n") == .insecure)
    }

    @Test func reportsEveryProblemWithItsPath() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try keys()
        let error = #expect(throws: BusSecurityFileError.self) {
            try parse(
                """
                server:
                  secret_key_file: keys/missing.secret
                clients:
                  - name: intake
                    public_key: "too short"
                    publish: [campaign.intake., "Campaign!"]
                  - name: Bad Name
                    public_key_file: keys/intake.key
                    sources: []
                  - public_key_file: keys/intake.key
                    public_key: "x"
                    colour: blue
                """)
        }
        let problems = error?.problems.map(\.path) ?? []
        #expect(
            problems == [
                "server.secret_key_file", "clients[0].public_key", "clients[0].publish[1]", "clients[1].name", "clients[1].sources",
                "clients[2].colour", "clients[2].name", "clients[2].public_key",
            ])
        let text = error?.description ?? ""
        #expect(text.hasPrefix("the security file bus-security.yaml has 8 problems:"))
        #expect(text.contains("clients[0].public_key (line 5): \"too short\" is not a CURVE public key"))
        #expect(text.contains("missing.secret"))
    }

    @Test func reportsAMissingSectionADuplicateAndBadYAML() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (_, intake) = try keys()
        let missing = #expect(throws: BusSecurityFileError.self) { try parse("clients: []\n") }
        #expect(missing?.problems.map(\.path) == ["server"])
        let duplicate = #expect(throws: BusSecurityFileError.self) {
            try parse(
                """
                server: {secret_key_file: keys/bus.secret}
                clients:
                  - {name: intake, public_key: "\(intake.publicKey)"}
                  - {name: intake, public_key_file: keys/intake.key}
                """)
        }
        #expect(duplicate?.problems.map(\.path) == ["clients[1].name"])
        let broken = #expect(throws: BusSecurityFileError.self) { try parse("server: [\n") }
        #expect(broken?.problems.first?.sentence.hasPrefix("not valid YAML") == true)
        let unreadable = #expect(throws: BusSecurityFileError.self) { try BusSecurityFile.load(path: directory + "/nope.yaml") }
        #expect(unreadable?.description.contains("cannot read the file") == true)
    }
}
