import Bus
import Contracts
import Foundation

/// The automated QA reports a journal holds, for tests that count them against the QA requests.
public enum JournalQAReports {
    /// Every `qa.report.ready` in the journal, in order.
    public static func all(_ control: BusControl) async throws -> [QAReportReady] {
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
