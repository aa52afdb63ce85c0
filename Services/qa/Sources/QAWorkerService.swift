import Bus
import Contracts
import Foundation
import Logging
import ServiceKit
import ServiceLifecycle

/// The queue-group side of `marquee-qa`: joins group `qa` on `campaign.fact.qa_requested`, so N replicas
/// share the requests (each leased to one live replica; a nack or an expired lease hands it to another),
/// runs ``QAWorkerCore`` on each and acks it, or nacks it with the reason.
///
/// A replica joins the group only once its projection has read the journal up to the head it saw at start
/// (`catchUp`): a new replica with an empty store would otherwise lease requests it cannot check yet, nack
/// them after the projection wait, and under load push them to the dead letters.
public struct QAWorkerService: Service {
    public static let group = "qa"
    public static let prefix = "campaign.fact.qa_requested"

    let core: QAWorkerCore
    let endpoints: BusEndpoints
    let workerID: String
    let publisher: Publisher
    let options: GroupWorker.Options
    let catchUp: JournalCatchUp?
    let logger: Logger

    public init(
        core: QAWorkerCore, endpoints: BusEndpoints, workerID: String, publisher: Publisher,
        options: GroupWorker.Options = GroupWorker.Options(credit: 4, maxAttempts: 5, leaseMilliseconds: 30_000),
        catchUp: JournalCatchUp? = nil, logger: Logger
    ) {
        self.core = core
        self.endpoints = endpoints
        self.workerID = workerID
        self.publisher = publisher
        self.options = options
        self.catchUp = catchUp
        self.logger = logger
    }

    public func run() async throws {
        // A shutdown while catching up ends the wait (it is cancelled) instead of waiting for the journal head.
        let caughtUp = await cancelWhenGracefulShutdown { [catchUp, core, logger] in
            await catchUp?.wait(store: core.store, every: .milliseconds(200), logger: logger) ?? true
        }
        guard caughtUp else { return }
        if catchUp != nil { logger.info("projection caught up; joining the qa group") }
        let worker = try GroupWorker(
            endpoint: endpoints.group, credentials: endpoints.credentials, group: Self.group, prefix: Self.prefix,
            id: workerID, options: options, logger: logger)
        let publisher = publisher
        await cancelWhenGracefulShutdown {
            await withTaskCancellationHandler {
                do {
                    for try await work in worker {
                        await handle(work, worker: worker, publisher: publisher)
                    }
                } catch {
                    logger.debug("qa worker stopped", metadata: [LogKey.error: "\(error)"])
                }
            } onCancel: {
                worker.close()
            }
        }
        worker.close()
    }

    private func handle(_ work: GroupWorker.Work, worker: GroupWorker, publisher: Publisher) async {
        do {
            let outcome = try await core.process(seq: work.seq, topic: work.topic, payload: work.payload) { topic, payload, id in
                _ = try await publisher.publish(topic: topic, payload: payload, id: id)
            }
            try await worker.ack(work.seq)
            logger.info("qa request done", metadata: [LogKey.busSeq: "\(work.seq)", "outcome": "\(outcome)"])
        } catch {
            logger.warning("qa request failed", metadata: [LogKey.busSeq: "\(work.seq)", LogKey.error: "\(error)"])
            try? await worker.nack(work.seq, reason: "\(error)")
        }
    }
}
