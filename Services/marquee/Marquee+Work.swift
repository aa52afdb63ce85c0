import ArgumentParser
import Bus
import BusService
import Dispatch
import Foundation
import Logging

/// `marquee work GROUP --prefix P`: a queue-group worker for operations and tests. Acks each record it is
/// given and prints `acked SEQ ID`; nacks those whose payload contains `--nack-marker` and prints
/// `nacked SEQ ID attempt=N`. ID is the payload's JSON `id` (the event id of an envelope), or `-`.
/// SIGTERM or SIGINT leaves the group, handing unacked records to the other workers.
struct WorkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "work",
        abstract: "Join a queue group and ack its records, one line per record ('acked SEQ ID').",
        discussion: """
            The group's prefix, start seq, max attempts and lease are fixed by its first JOIN; later workers' \
            values are ignored. Lines go to standard output unbuffered, one per ack the broker confirmed.
            """)

    @OptionGroup var bus: BusClientOptions

    @Argument(help: "The queue group to join.")
    var group: String

    @Option(help: "Topic prefix of the group's records.")
    var prefix: String

    @Option(help: "This worker's id; keep it across restarts so its leases survive (default: host-pid).")
    var id: String?

    @Option(help: "The broker's queue-group endpoint.")
    var groupEndpoint = "tcp://127.0.0.1:7704"

    @Option(help: "Records held at once.")
    var credit = 64

    @Option(help: "Deliveries before a record is dead-lettered (for a new group).")
    var maxAttempts = 5

    @Option(help: "Lease per delivery, in milliseconds (for a new group).")
    var leaseMs = 30_000

    @Option(help: "The seq a new group starts from.")
    var from: UInt64 = 1

    @Option(help: "Nack records whose payload contains this text (a poison marker).")
    var nackMarker: String?

    @Option(help: "Stop after acking this many records.")
    var count: Int?

    func validate() throws {
        _ = try TopicPrefix.parse(prefix)
        guard !group.isEmpty, group.utf8.count <= 255, group.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw ValidationError("A group name is 1-255 printable ASCII characters without spaces.")
        }
        guard credit > 0, maxAttempts > 0, leaseMs > 0 else {
            throw ValidationError("--credit, --max-attempts and --lease-ms must be positive.")
        }
        if let nackMarker, nackMarker.isEmpty { throw ValidationError("--nack-marker must not be empty.") }
        if let count, count <= 0 { throw ValidationError("--count must be positive.") }
    }

    func run() async throws {
        let logger = bus.logger()
        let worker = try GroupWorker(
            endpoint: groupEndpoint, credentials: try bus.credentials, group: group, prefix: try TopicPrefix.parse(prefix),
            id: id ?? "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)",
            options: GroupWorker.Options(credit: credit, maxAttempts: maxAttempts, leaseMilliseconds: leaseMs, startSeq: from),
            logger: logger)
        let signals = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { worker.close() }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        let marker = nackMarker.map { Array($0.utf8) }
        var acked = 0
        for try await work in worker {
            let id = PayloadID.of(work.payload)
            do {
                if let marker, work.payload.contains(marker) {
                    try await worker.nack(work.seq, reason: "the payload contains '\(nackMarker ?? "")'")
                    writeLine("nacked \(work.seq) \(id) attempt=\(work.attempt)")
                    continue
                }
                try await worker.ack(work.seq)
            } catch BusError.refused(let code, let sentence) {
                logger.warning("settling a record failed", metadata: ["bus.seq": "\(work.seq)", "code": "\(code)", "reason": "\(sentence)"])
                continue
            }
            writeLine("acked \(work.seq) \(id)")
            acked += 1
            if let count, acked >= count { break }
        }
        worker.close()
    }
}

/// The `id` of a JSON payload (a CloudEvents envelope's event id), or `-`.
private struct PayloadID: Decodable {
    let id: String

    static func of(_ payload: [UInt8]) -> String {
        (try? JSONDecoder().decode(PayloadID.self, from: Data(payload)))?.id ?? "-"
    }
}
