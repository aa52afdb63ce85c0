import AudienceConfig
import Bus
import Domain
import Foundation
import Logging
import QAEngine
import RulesConfig
import ServiceKit

/// Runs `marquee-qa` as a process: ServiceKit's flags plus ``QAServiceFlags`` (`--worker-id ID`, default
/// `qa-<host>-<pid>`; `--lease-ms N`; `--audience-policy FILE`, whose problems exit with 2 before it starts).
/// The rules file (`--config FILE`, default the built-in rules) gives the channel specs images are checked
/// against; a file that cannot be used exits with 2, as for the stations.
///
/// Each replica has its own store (`<data>/qa.sqlite`; give each replica its own `--data`) with its
/// projection (an `EventConsumer` of documents, facts and reports), and a queue-group worker sharing the
/// `qa_requested` facts with the other replicas. Returns the exit code: 0 after a clean shutdown, 1 when it
/// failed, 2 for a bad command line.
public enum QAService {
    public static func main(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Int32 {
        let flags: QAServiceFlags
        let runtime: ServiceRuntime
        let rules: Rules
        do {
            flags = try QAServiceFlags.parse(arguments, workerID: "qa-\(ProcessInfo.processInfo.hostName)-\(getpid())")
            runtime = try ServiceRuntime.bootstrap(name: "qa", arguments: flags.rest, flags: QAServiceFlags.help)
            rules = try RulesFile.load(runtime.options.configPath)
        } catch {
            return usage("\(error)")
        }
        let workerID = flags.workerID
        if let policyFile = flags.audiencePolicy { logPolicy(policyFile, logger: runtime.logger) }
        do {
            let store = try runtime.openStore { migrator in QAStore.register(&migrator) }
            let consumer = EventConsumer(
                service: "qa", consumer: QAWorkerCore.projectionConsumer, store: store, endpoints: runtime.options.bus,
                prefixes: QAProjection.prefixes, handler: QAProjection(), logger: runtime.logger)
            let publisher = try Publisher(bus: runtime.options.bus, logger: runtime.logger)
            let control = try BusControl(bus: runtime.options.bus, timeoutMilliseconds: 1000, logger: runtime.logger)
            let worker = QAWorkerService(
                core: QAWorkerCore(
                    store: store, worker: workerID,
                    checker: QAChecker(
                        audiencePolicy: flags.audiencePolicy?.policy ?? AudiencePolicy(), channelSpecs: rules.channelSpecs)),
                endpoints: runtime.options.bus, workerID: workerID,
                publisher: publisher,
                options: GroupWorker.Options(credit: 4, maxAttempts: 5, leaseMilliseconds: flags.leaseMilliseconds),
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

    /// One info line for the policy, and a warning per suppression list with lines that gave no address (line
    /// numbers only: the lines may hold addresses).
    private static func logPolicy(_ file: AudiencePolicyFile, logger: Logger) {
        logger.info(
            "audience policy loaded",
            metadata: [
                "file": "\(file.path)", "suppression_lists": "\(file.suppressions.count)",
                "suppressed_addresses": "\(file.suppressions.reduce(0) { $0 + $1.addresses })",
            ])
        for list in file.suppressions where list.problemCount > 0 {
            logger.warning(
                "suppression list lines without an address",
                metadata: [
                    "file": "\(list.file.path)", "lines": "\(list.problemCount)",
                    "first_lines": "\(list.problems.map(\.line))",
                ])
        }
    }

    private static func usage(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("marquee-qa: \(message)\n".utf8))
        return 2
    }
}
