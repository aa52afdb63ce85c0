import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// Drives one endpoint with `connections` keep-alive HTTP/1.1 connections (Hummingbird's `TestClient`), each
/// sending its share of `requests` one after another, and measures every request from send to the last body
/// byte. A short warm-up per connection is not timed; any answer but 200 stops the run.
struct LoadRun {
    let port: Int
    let connections: Int

    /// What one endpoint did.
    struct Result {
        var name: String
        var requests: Int
        var seconds: Double
        var latencies: [Duration]
        var bodyBytes: Int

        var perSecond: Double { Double(requests) / seconds }
        /// The latency at `quantile` (0…1), in milliseconds.
        func milliseconds(at quantile: Double) -> Double {
            let sorted = latencies.sorted()
            let index = min(sorted.count - 1, Int((Double(sorted.count) * quantile).rounded(.up)) - 1)
            let value = sorted[max(index, 0)].components
            return Double(value.seconds) * 1e3 + Double(value.attoseconds) / 1e15
        }
    }

    struct UnexpectedStatus: Error, CustomStringConvertible {
        var path: String
        var status: Int
        var description: String { "GET \(path) answered \(status)" }
    }

    /// `requests` GETs of the paths `path(i)` gives, with `headers`.
    func run(
        _ name: String, requests: Int, headers: HTTPFields, warmUp: Int = 3, path: @escaping @Sendable (Int) -> String
    ) async throws -> Result {
        let clients = (0..<connections).map { _ in TestClient(host: "127.0.0.1", port: port) }
        for client in clients { client.connect() }
        do {
            let result = try await measure(name, clients: clients, requests: requests, headers: headers, warmUp: warmUp, path: path)
            for client in clients { try await client.shutdown() }
            return result
        } catch {
            for client in clients { try? await client.shutdown() }
            throw error
        }
    }

    private func measure(
        _ name: String, clients: [TestClient], requests: Int, headers: HTTPFields, warmUp: Int,
        path: @escaping @Sendable (Int) -> String
    ) async throws -> Result {
        let share = (0..<clients.count).map { requests / clients.count + ($0 < requests % clients.count ? 1 : 0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in clients {
                group.addTask { for i in 0..<warmUp { _ = try await Self.get(client, path(i), headers: headers) } }
            }
            try await group.waitForAll()
        }
        let started = ContinuousClock.now
        let measured = try await withThrowingTaskGroup(of: ([Duration], Int).self) { group in
            var first = 0
            for (client, count) in zip(clients, share) {
                let range = first..<(first + count)
                first += count
                group.addTask {
                    var latencies: [Duration] = []
                    latencies.reserveCapacity(range.count)
                    var bytes = 0
                    for i in range {
                        let start = ContinuousClock.now
                        bytes += try await Self.get(client, path(i), headers: headers)
                        latencies.append(ContinuousClock.now - start)
                    }
                    return (latencies, bytes)
                }
            }
            return try await group.reduce(into: ([Duration](), 0)) { $0.0 += $1.0; $0.1 += $1.1 }
        }
        let elapsed = (ContinuousClock.now - started).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return Result(name: name, requests: requests, seconds: seconds, latencies: measured.0, bodyBytes: measured.1)
    }

    /// One GET; the body's size. Throws unless the answer is 200.
    static func get(_ client: TestClient, _ path: String, headers: HTTPFields) async throws -> Int {
        let response = try await client.get(path, headers: headers)
        guard response.status == .ok else { throw UnexpectedStatus(path: path, status: response.status.code) }
        return response.body?.readableBytes ?? 0
    }
}
