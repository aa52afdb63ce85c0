import Bus
import Foundation
import ServiceKit
import Testing
import ZeroMQ

@Suite struct ServiceOptionsCredentialsTests {
    @Test func busKeyFlagsLoadCredentialsIntoTheEndpoints() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-opts-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try CurveKeyPair.generate()
        let client = try CurveKeyPair.generate()
        try CurveKeyFile.write(server, directory: directory, name: "bus")
        try CurveKeyFile.write(client, directory: directory, name: "intake")
        let options = try ServiceOptions.parse(
            ["--bus-server-key", "\(directory)/bus.key", "--bus-key=\(directory)/intake.secret"], name: "intake")
        #expect(options.bus.credentials == BusCredentials(serverKey: server.publicKey, client: client))
        #expect(try ServiceOptions.parse([], name: "intake").bus.credentials == nil)
    }

    @Test func busKeyFlagsGoTogetherAndMustNameKeyFiles() throws {
        #expect(throws: ServiceOptionsError.self) { try ServiceOptions.parse(["--bus-server-key", "bus.key"], name: "intake") }
        #expect(throws: ServiceOptionsError.self) { try ServiceOptions.parse(["--bus-key", "intake.secret"], name: "intake") }
        let missing = #expect(throws: ServiceOptionsError.self) {
            try ServiceOptions.parse(["--bus-server-key", "/nonexistent/bus.key", "--bus-key", "/nonexistent/intake.secret"], name: "intake")
        }
        #expect(missing?.description.contains("/nonexistent/bus.key") == true)
    }
}
