import Bus
import Foundation
import Logging
import ServiceKit

/// Runs `marquee-qa` as a process: ServiceKit's flags plus `--worker-id ID` (default `qa-<host>-<pid>`; keep
/// it stable across restarts of one replica so its leases survive a reconnect) and `--lease-ms N`.
///
/// Each replica has its own store (`<data>/qa.sqlite`; give each replica its own `--data`) with its
/// projection (an `EventConsumer` of documents, facts and reports), and a queue-group worker sharing the
/// `qa_requested` facts with the other replicas. Returns the exit code: 0 after a clean shutdown, 1 when it
/// failed, 2 for a bad command line.
public enum QAService {
    public static func main(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Int32 {
        var rest: [String] = []
        var workerID = "qa-\(ProcessInfo.processInfo.hostName)-\(getpid())"
        var leaseMilliseconds = 30_000
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--worker-id":
                guard let value = remaining.popFirst(), !value.isEmpty else { return usage("--worker-id needs a value") }
                workerID = value
            case "--lease-ms":
                guard let value = remaining.popFirst().flatMap(Int.init), value > 0 else { return usage("--lease-ms needs a number") }
                leaseMilliseconds = value
            default:
                rest.append(argument)
            }
        }
        let runtime: ServiceRuntime
        do {
            runtime = try ServiceRuntime.bootstrap(name: "qa", arguments: rest)
        } catch {
            return usage("\(error)")
        }
        do {
            let store = try runtime.openStore { migrator in QAStore.register(&migrator) }
            let consumer = EventConsumer(
                service: "qa", consumer: QAWorkerCore.projectionConsumer, store: store, endpoints: runtime.options.bus,
                prefixes: QAProjection.prefixes, handler: QAProjection(), logger: runtime.logger)
            let publisher = try Publisher(bus: runtime.options.bus, logger: runtime.logger)
            let control = try BusControl(bus: runtime.options.bus, timeoutMilliseconds: 1000, logger: runtime.logger)
            let worker = QAWorkerService(
                core: QAWorkerCore(store: store, worker: workerID), endpoints: runtime.options.bus, workerID: workerID,
                publisher: publisher,
                options: GroupWorker.Options(credit: 4, maxAttempts: 5, leaseMilliseconds: leaseMilliseconds),
                catchUp: JournalCatchUp(control: control, consumer: consumer.consumer, prefixes: QAProjection.prefixes),
                logger: runtime.logger)
            let health = ServiceHealth(service: "qa", store: store, control: control, logger: runtime.logger)
            try await runtime.run(consumer, worker, runtime.statusEndpoint(health: health))
            await publisher.close()
            return 0
        } catch {
            runtime.logger.critical("stopped", metadata: [LogKey.error: "\(error)"])
            FileHandle.standardError.write(Data("marquee-qa: \(error)\n".utf8))
            return 1
        }
    }

    private static func usage(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("marquee-qa: \(message)\n".utf8))
        return 2
    }
}
