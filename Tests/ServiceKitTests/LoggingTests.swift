import Contracts
import Domain
import Foundation
import Logging
import ServiceKit
import Synchronization
import Testing

@Suite struct LoggingTests {
    @Test func aHandlingLoggerStampsEveryLineWithTheEventsIdentifiers() throws {
        let lines = Mutex<[String]>([])
        let logger = Logger(label: "marquee-test") { label in
            LineLogHandler(label: label, level: .debug) { line in lines.withLock { $0.append(line) } }
        }
        let cause = Fixture.triaged(1)
        let effect = Envelope.make(
            CampaignAssigned(campaignID: "cmp-1", assignee: "sam.lee", role: .specialist), source: "marquee/test",
            causedBy: cause.header)
        logger.handling(effect.header, seq: 42).info("campaign assigned", metadata: ["note": "two words"])

        let line = try #require(lines.withLock { $0 }.first)
        #expect(lines.withLock { $0.count } == 1)
        #expect(line.contains(" info marquee-test: campaign assigned "))
        #expect(line.contains("\(LogKey.eventID)=\(effect.id.uuidString.lowercased())"))
        #expect(line.contains("\(LogKey.eventType)=campaign.assigned"))
        #expect(line.contains("\(LogKey.correlationID)=\(cause.id.uuidString.lowercased())"))
        #expect(line.contains("\(LogKey.causationID)=\(cause.id.uuidString.lowercased())"))
        #expect(line.contains("\(LogKey.campaignID)=cmp-1"))
        #expect(line.contains("\(LogKey.busSeq)=42"))
        #expect(line.contains(#"note="two words""#))
    }
}
