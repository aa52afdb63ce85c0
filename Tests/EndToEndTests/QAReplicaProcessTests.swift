import Broker
import Bus
import Contracts
import Crypto
import Domain
import Foundation
import LineEndToEndSupport
import Testing

/// The QA checker scaled out: three `marquee-qa` processes share the QA requests of many campaigns as queue
/// group `qa`; one is `kill -9`ed mid-run. Every request must get exactly one `qa.report.ready` in the journal,
/// of the versions that were current when QA was requested.
@Suite(.serialized, .timeLimit(.minutes(8))) struct QAReplicaProcessTests {
    /// QA requests; `MARQUEE_E2E_QA_REQUESTS` scales it (`make soak` runs 10,000).
    static let total = Int(ProcessInfo.processInfo.environment["MARQUEE_E2E_QA_REQUESTS"] ?? "") ?? 1_500
    static let time = Date(timeIntervalSince1970: 1_772_529_300)

    /// A short email that breaks QA rules (an empty link, a merge tag left in): the verdict is `failed`.
    static let brokenEmail = """
        <html><head><title>Spring</title></head><body>
        <p>Hi {{first_name}}</p><a href="#">Shop</a>
        </body></html>
        """

    @Test func threeReplicasReportEveryRequestOnceWhileOneIsKilled() async throws {
        let total = Self.total
        let bus = try BusProcess(arguments: ["--flush", "os"])
        try bus.start()
        let logs = bus.directory.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let replicas = try (1...3).map { index in
            let replica = ChildProcess(
                name: "marquee-qa-\(index)", executable: productsDirectory.appendingPathComponent("marquee-qa"),
                logDirectory: logs)
            let data = bus.directory.appendingPathComponent("qa-\(index)")
            try replica.start(
                [
                    "--bus-ingress", bus.ingress, "--bus-fanout", bus.fanout, "--bus-control", bus.control,
                    "--bus-group", bus.group, "--data", data.path, "--http", "127.0.0.1:0", "--worker-id", "qa-\(index)",
                    "--lease-ms", "3000", "--log-level", "warning",
                ], readyPrefix: "marquee-qa ready")
            return replica
        }
        defer { for replica in replicas { replica.kill9() } }
        let control = try BusControl(endpoint: bus.control, logger: BrokerCrashTests.logger)
        defer { control.close() }

        let requested = try await Self.publishRequests(total, bus: bus)
        var victim: ChildProcess?
        while victim == nil {
            let acked = try await GroupProbe.stats("qa", control: control)?.acked ?? 0
            if acked >= UInt64(total / 3) {
                victim = replicas[1]
                replicas[1].kill9()
            } else {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        let stats = try await GroupProbe.waitUntilSettled(
            "qa", acked: total, deadLetters: 0, control: control, within: .seconds(360))
        #expect(stats.deadLetters == 0)

        let reports = try await Self.reports(control)
        var perCampaign: [CampaignID: [QAReportReady]] = [:]
        for report in reports { perCampaign[report.campaignID, default: []].append(report) }
        #expect(perCampaign.count == total, "campaigns with a report: \(perCampaign.count) of \(total)")
        let duplicated = perCampaign.filter { $0.value.count > 1 }
        #expect(duplicated.isEmpty, "campaigns reported more than once: \(duplicated.keys.prefix(5))")
        for (campaign, versions) in requested {
            guard let report = perCampaign[campaign]?.first else { continue }
            #expect(report.documents == versions, "\(campaign) was checked on other versions")
            #expect(report.verdict == .failed)
            #expect(report.findings.contains { $0.rule == "link.hash-href" })
        }
        let workers = Set(reports.map(\.worker))
        #expect(workers.count >= 2, "the work was shared: \(workers)")
        for replica in replicas where replica !== victim { replica.stop(graceSeconds: 5) }
    }

    /// Per campaign: the email submitted, its version revised, then QA requested — the three records the QA
    /// projection folds. Returns the versions each request must be checked on.
    static func publishRequests(_ total: Int, bus: BusProcess) async throws -> [CampaignID: [DocumentVersion]] {
        let publisher = try Publisher(ingress: bus.ingress, options: .init(window: 2000), logger: BrokerCrashTests.logger)
        var requested: [CampaignID: [DocumentVersion]] = [:]
        for chunk in stride(from: 0, to: total, by: 500) {
            var campaigns: [[AnyEnvelope]] = []
            for index in chunk..<min(chunk + 500, total) {
                let campaign = CampaignID(rawValue: "cmp-qa-\(index)")
                let content = Data((brokenEmail + "<!-- \(index) -->").utf8)
                let hash = ContentHash(rawValue: "sha256:" + SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined())
                let version = DocumentVersion(document: "email-main", version: 1, contentHash: hash)
                requested[campaign] = [version]
                var records = [AnyEnvelope(Envelope.make(
                    DocumentSubmitted(
                        campaignID: campaign, document: "email-main", mediaType: "text/html", content: content,
                        submittedBy: "sam"),
                    source: "marquee/test", now: time))]
                for (number, fact) in [CampaignFact.documentRevised(version), .qaRequested].enumerated() {
                    records.append(AnyEnvelope(Envelope.make(
                        CampaignFactRecorded(
                            event: DomainEvent(campaignID: campaign, occurredAt: time, fact: fact), version: number + 1,
                            stage: .qaRequested),
                        source: "marquee/build", now: time)))
                }
                campaigns.append(records)
            }
            // Campaigns in parallel, each campaign's records in order (as build publishes them).
            try await withThrowingTaskGroup(of: Void.self) { group in
                for records in campaigns {
                    let encoded = try records.map { ($0.header.type.rawValue, Array(try $0.encoded()), $0.header.id.uuidString.lowercased()) }
                    group.addTask {
                        for (topic, payload, id) in encoded {
                            _ = try await publisher.publish(topic: topic, payload: payload, id: id)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        await publisher.close()
        return requested
    }

    /// Every `qa.report.ready` in the journal, in order.
    static func reports(_ control: BusControl) async throws -> [QAReportReady] {
        var reports: [QAReportReady] = []
        var next: UInt64 = 1
        while true {
            let page = try await control.replay(from: next, prefix: QAReportReady.topic.rawValue)
            for record in page.records {
                reports.append(try Envelope<QAReportReady>.decode(Data(record.payload), topic: record.topic).data)
            }
            if page.through >= page.head { return reports }
            next = page.through + 1
        }
    }
}
