import Broker
import Bus
import Contracts
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

    @Test func threeReplicasReportEveryRequestOnceWhileOneIsKilled() async throws {
        let total = Self.total
        let bus = try BusProcess(arguments: ["--flush", "os"])
        try await bus.start()
        let logs = bus.directory.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        var replicas: [ChildProcess] = []
        for index in 1...3 {
            replicas.append(
                try await QAWorkload.startReplica(
                    index, ingress: bus.ingress, fanout: bus.fanout, control: bus.control, group: bus.group,
                    directory: logs))
        }
        defer { for replica in replicas { replica.kill9() } }
        let control = try BusControl(endpoint: bus.control, logger: BrokerCrashTests.logger)
        defer { control.close() }

        // Publishing runs while the replicas work; one is killed once a third of the requests are done.
        async let published = QAWorkload.publish(total, ingress: bus.ingress, logger: BrokerCrashTests.logger)
        var ackedAtKill: UInt64?
        while ackedAtKill == nil {
            let acked = try await GroupProbe.stats("qa", control: control)?.acked ?? 0
            if acked >= UInt64(total / 3) {
                replicas[1].kill9()
                ackedAtKill = acked
            } else {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        let requested = try await published
        #expect(ackedAtKill! < UInt64(total), "the kill came after the run")
        let stats = try await GroupProbe.waitUntilSettled(
            "qa", acked: total, deadLetters: 0, control: control, within: .seconds(360))
        #expect(stats.deadLetters == 0)

        let reports = try await JournalQAReports.all(control)
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
        for replica in replicas where replica !== replicas[1] { await replica.stop(graceSeconds: 5) }
    }
}
