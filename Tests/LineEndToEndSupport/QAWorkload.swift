import Bus
import Contracts
import Crypto
import Domain
import Foundation
import Logging

/// QA requests as the line makes them, for the `marquee-qa` process tests and the replica benchmark: per
/// campaign its email submitted, the version revised, then QA requested — the three records the QA
/// projection folds, published in that order (as build does) with campaigns in parallel.
public enum QAWorkload {
    /// A short email that breaks QA rules (a `#` link, a merge tag left in): its verdict is `failed`.
    public static let brokenEmail = """
        <html><head><title>Spring</title></head><body>
        <p>Hi {{first_name}}</p><a href="#">Shop</a>
        </body></html>
        """
    static let time = Date(timeIntervalSince1970: 1_772_529_300)

    /// The id of the `index`-th campaign.
    public static func campaign(_ index: Int) -> CampaignID { CampaignID(rawValue: "cmp-qa-\(index)") }

    /// Publishes `total` campaigns' QA requests to `ingress`; returns the versions each must be checked on.
    public static func publish(_ total: Int, ingress: String, logger: Logger) async throws -> [CampaignID: [DocumentVersion]] {
        let publisher = try Publisher(ingress: ingress, options: .init(window: 2000), logger: logger)
        var requested: [CampaignID: [DocumentVersion]] = [:]
        for chunk in stride(from: 0, to: total, by: 500) {
            var campaigns: [[(topic: String, payload: [UInt8], id: String)]] = []
            for index in chunk..<min(chunk + 500, total) {
                let (versions, records) = try self.records(index)
                requested[campaign(index)] = versions
                campaigns.append(records)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for records in campaigns {
                    group.addTask {
                        for record in records {
                            _ = try await publisher.publish(topic: record.topic, payload: record.payload, id: record.id)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        await publisher.close()
        return requested
    }

    /// The `index`-th campaign's three records, encoded, and the versions QA must check.
    static func records(_ index: Int) throws -> ([DocumentVersion], [(topic: String, payload: [UInt8], id: String)]) {
        let id = campaign(index)
        let content = Data((brokenEmail + "<!-- \(index) -->").utf8)
        let hash = ContentHash(rawValue: "sha256:" + SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined())
        let version = DocumentVersion(document: "email-main", version: 1, contentHash: hash)
        var envelopes = [AnyEnvelope(Envelope.make(
            DocumentSubmitted(campaignID: id, document: "email-main", mediaType: "text/html", content: content, submittedBy: "sam"),
            source: "marquee/test", now: time))]
        for (number, fact) in [CampaignFact.documentRevised(version), .qaRequested].enumerated() {
            envelopes.append(AnyEnvelope(Envelope.make(
                CampaignFactRecorded(
                    event: DomainEvent(campaignID: id, occurredAt: time, fact: fact), version: number + 1, stage: .qaRequested),
                source: "marquee/build", now: time)))
        }
        let records = try envelopes.map { ($0.header.type.rawValue, Array(try $0.encoded()), $0.header.id.uuidString.lowercased()) }
        return ([version], records)
    }

    /// Starts `marquee-qa` replica `index` against the broker, with its own data directory under `directory`.
    public static func startReplica(
        _ index: Int, ingress: String, fanout: String, control: String, group: String, directory: URL,
        leaseMilliseconds: Int = 3000
    ) async throws -> ChildProcess {
        let replica = ChildProcess(
            name: "marquee-qa-\(index)", executable: lineProductsDirectory.appendingPathComponent("marquee-qa"),
            logDirectory: directory)
        try await replica.start(
            [
                "--bus-ingress", ingress, "--bus-fanout", fanout, "--bus-control", control, "--bus-group", group,
                "--data", directory.appendingPathComponent("qa-\(index)").path, "--http", "127.0.0.1:0",
                "--worker-id", "qa-\(index)", "--lease-ms", "\(leaseMilliseconds)", "--log-level", "warning",
            ], readyPrefix: "marquee-qa ready")
        return replica
    }
}
