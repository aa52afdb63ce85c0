import Bus
import Foundation
import LineEndToEndSupport
import Logging
import Testing

/// The real `marquee-bus` and `marquee keys` executables with CURVE: keys made by the CLI, a security file,
/// and the broker's refusals to start.
@Suite(.timeLimit(.minutes(2))) struct BusProcessSecurityTests {
    static var logger: Logger {
        var logger = Logger(label: "e2e-security")
        logger.logLevel = .critical
        return logger
    }

    @Test func aBrokerWithoutSecurityOrInsecureRefusesToStartWithASentence() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try await runBuilt("marquee-bus", ["--data", directory.path, "--ingress", "tcp://127.0.0.1:*"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("the broker needs --security FILE"))
    }

    @Test func aBadSecurityFileIsReportedByPathAndTheBrokerExits() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bus-security.yaml")
        try Data("server:\n  secret_key_file: nope.secret\nclients:\n  - name: intake\n    public_key: short\n".utf8).write(to: file)
        let run = try await runBuilt("marquee-bus", ["--data", directory.appendingPathComponent("journal").path, "--security", file.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("server.secret_key_file (line 2)"))
        #expect(run.stderr.contains("clients[0].public_key (line 5)"))
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test func keysFromTheCLIAndASecurityFileLetAnAllowedClientPublish() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-e2e-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = directory.appendingPathComponent("keys")
        let generated = try await runBuilt("marquee", ["keys", "generate", "--out", keys.path, "--name", "bus"])
        #expect(generated.status == 0)
        let serverKey = generated.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(serverKey.count == 40)
        let secretMode = try FileManager.default.attributesOfItem(atPath: keys.appendingPathComponent("bus.secret").path)[.posixPermissions] as? Int
        #expect(secretMode == 0o600)
        #expect(try await runBuilt("marquee", ["keys", "generate", "--out", keys.path, "--name", "bus"]).status != 0)
        #expect(
            try await runBuilt("marquee", ["keys", "generate", "--out", keys.path, "--name", "intake"]).status == 0)
        let file = directory.appendingPathComponent("bus-security.yaml")
        try Data(
            """
            server:
              secret_key_file: keys/bus.secret
            clients:
              - name: intake
                public_key_file: keys/intake.key
                publish: [campaign.intake.]
            """.utf8
        ).write(to: file)
        let secure = try BusProcess(arguments: ["--security", file.path])
        try await secure.start()
        let credentials = try BusCredentials.load(
            serverKeyFile: keys.appendingPathComponent("bus.key").path, secretKeyFile: keys.appendingPathComponent("intake.secret").path)
        #expect(credentials.serverKey == serverKey)
        let endpoints = BusEndpoints(
            ingress: secure.ingress, fanout: secure.fanout, control: secure.control, group: secure.group, credentials: credentials)
        let publisher = try Publisher(bus: endpoints, logger: Self.logger)
        let payload = Array(#"{"specversion":"1.0","id":"1","source":"marquee/intake","type":"campaign.intake.held"}"#.utf8)
        #expect(try await publisher.publish(topic: "campaign.intake.held", payload: payload, id: "e2e-1") == 1)
        await #expect(throws: BusError.self) { _ = try await publisher.publish(topic: "qa.passed", payload: payload, id: "e2e-2") }
        await publisher.close()
        let control = try BusControl(bus: endpoints, logger: Self.logger)
        #expect(try await control.ping().head == 1)
        control.close()
        #expect(await secure.stop() == 0)
    }
}

/// Runs one of the built executables to its end (at most 20 s).
private func runBuilt(_ executable: String, _ arguments: [String]) async throws -> FinishedProcess {
    try await runToExit(lineProductsDirectory.appendingPathComponent(executable), arguments, timeoutSeconds: 20)
}
