import Foundation
import LineEndToEndSupport
import Testing

/// Every service answers `--help` with its own flags and the common ones, exit code 0, and refuses an unknown
/// flag, or a rules file (`--config`) it cannot read, with exit code 2 and one sentence.
@Suite struct ServiceHelpTests {
    static let services: [(String, String)] = [
        ("intake", "--tick-ms N"), ("build", "--templates DIR"), ("approvals", "--clock"), ("launch", "--clock"),
        ("qa", "--worker-id ID"), ("reporting", "--tick-ms N"), ("notify", "--notify-config FILE"),
        ("assistant", "--caller-token-file FILE"), ("gateway", "--assistant-url URL"),
    ]

    @Test(arguments: services)
    func answersHelp(_ service: String, _ ownFlag: String) async throws {
        let executable = lineProductsDirectory.appendingPathComponent("marquee-\(service)")
        let help = try await runToExit(executable, ["--help"], timeoutSeconds: 30)
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdout.hasPrefix("usage: marquee-\(service) [options]"))
        #expect(help.stdout.contains(ownFlag) && help.stdout.contains("--bus-ingress URL"))
        let bogus = try await runToExit(executable, ["--bogus", "1"], timeoutSeconds: 30)
        #expect(bogus.status == 2)
        #expect(bogus.stderr.contains("unknown option --bogus"))
    }

    @Test(arguments: services.map(\.0))
    func refusesARulesFileItCannotRead(_ service: String) async throws {
        let executable = lineProductsDirectory.appendingPathComponent("marquee-\(service)")
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("help-\(service)-\(UUID())").path
        let run = try await runToExit(
            executable, ["--config", "/nonexistent/marquee.yaml", "--data", data], timeoutSeconds: 30)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("marquee-\(service): cannot read config /nonexistent/marquee.yaml"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: data), "stopped before opening its store")
    }
}
