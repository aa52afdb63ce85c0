import Bus
import Foundation
import ZeroMQ

/// What CURVE costs: durable acked publish (`flush=fsync`, raw DEALER, 1 KB CloudEvents envelopes) to a
/// broker on plain TCP, then to one running CURVE with a ZAP allowlist, topic ACL and envelope-source check;
/// printed as the ratio of the two rates.
enum CurveBenchmark {
    static func run(_ settings: BenchSettings) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-bench-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try CurveKeyPair.generate()
        let client = try CurveKeyPair.generate()
        try CurveKeyFile.write(server, directory: directory.path, name: "bus")
        let securityFile = directory.appendingPathComponent("bus-security.yaml")
        try Data(
            """
            server:
              secret_key_file: bus.secret
            clients:
              - name: bench
                public_key: "\(client.publicKey)"
                publish: [campaign.]
                sources: [marquee/bench]
            """.utf8
        ).write(to: securityFile)
        let payload = envelope()
        let plain = try await BrokerProcess.with(executable: settings.bus, flush: "fsync") { broker in
            try await RawPublisher(ingress: broker.endpoints.ingress, window: settings.window, payload: payload).publish(count: settings.count)
        }
        let curve = try await BrokerProcess.with(executable: settings.bus, flush: "fsync", security: securityFile.path) { broker in
            try await RawPublisher(
                ingress: broker.endpoints.ingress, window: settings.window, curve: (server.publicKey, client), payload: payload
            ).publish(count: settings.count)
        }
        let ratio = plain.perSecond > 0 ? curve.perSecond / plain.perSecond : 0
        Report.emit(
            "acked publish 1KB flush=fsync, raw DEALER: CURVE + ZAP + ACL \(Report.rate(curve.perSecond)) vs plain TCP "
                + "\(Report.rate(plain.perSecond)) = \(String(format: "%.2fx", ratio))")
    }

    /// A 1 KB CloudEvents envelope whose `source` is the one the bench identity may use.
    private static func envelope() -> [UInt8] {
        let head = #"{"specversion":"1.0","id":"7d4c2a6e-0b1f-4f7e-9a51-2f0c3d8e9b10","source":"marquee/bench","#
            + #""type":"campaign.bench.submitted","time":"2026-01-01T00:00:00Z","datacontenttype":"application/json","data":{"note":""#
        let tail = #""}}"#
        let padding = String(repeating: "x", count: max(0, Workload.payloadBytes - head.utf8.count - tail.utf8.count))
        return Array((head + padding + tail).utf8)
    }
}
