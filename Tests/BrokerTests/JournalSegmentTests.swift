import Foundation
import Testing

@testable import Broker

@Suite struct JournalSegmentTests {
    let record = JournalTestRecords.recordLength(payload: 72)

    @Test(arguments: FlushPolicy.allCases)
    func tinySegmentsRollBeforeExceedingTheirSize(flush: FlushPolicy) throws {
        let directory = JournalTestDirectory()
        let journal = try directory.open(JournalOptions(segmentBytes: 500, flush: flush))
        try JournalTestRecords.fill(journal, count: 22, batch: 5)
        // 103-byte records: 4 per 500-byte segment.
        let bases: [UInt64] = [1, 5, 9, 13, 17, 21]
        #expect(journal.segments.map(\.baseSeq) == bases)
        #expect(journal.segmentCount == 6)
        var expected: [String] = []
        for base in bases {
            expected.append(JournalFormat.segmentName(base))
            if base != 21 { expected.append(JournalFormat.indexName(base)) }
        }
        #expect(try directory.names() == expected.sorted())
        for base in bases.dropLast() { #expect(try directory.size(JournalFormat.segmentName(base)) == 4 * record) }
        #expect(journal.sizeBytes == 22 * record)
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal), 1...22)
    }

    @Test(arguments: FlushPolicy.allCases)
    func oneCommitSpanningManySegmentsReadsBackAfterReopen(flush: FlushPolicy) throws {
        let directory = JournalTestDirectory()
        let options = JournalOptions(segmentBytes: 300, indexInterval: 150, flush: flush)
        do {
            let journal = try directory.open(options)
            try JournalTestRecords.fill(journal, count: 50, batch: 50)
            #expect(journal.segmentCount == 25)
        }
        let journal = try directory.open(options)
        #expect(journal.recovery == JournalRecovery(segments: 25, recordsScanned: 50))
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal, from: 0), 1...50)
    }

    @Test func recordLargerThanASegmentGetsOneOfItsOwn() throws {
        let directory = JournalTestDirectory()
        let journal = try directory.open(JournalOptions(segmentBytes: 500))
        try JournalTestRecords.fill(journal, count: 1)
        try JournalTestRecords.fill(journal, count: 1, payload: 2_000)
        try JournalTestRecords.fill(journal, count: 1)
        #expect(journal.segments.map(\.baseSeq) == [1, 2, 3])
        let sizes = try JournalTestRecords.readAll(journal).map(\.payload.count)
        #expect(sizes == [72, 2_000, 72])
    }

    @Test func failedCommitMakesTheJournalRefuseFurtherCommits() throws {
        let directory = JournalTestDirectory()
        let journal = try directory.open(JournalOptions(segmentBytes: 500))
        try JournalTestRecords.fill(journal, count: 4)
        // The next roll must create segment 5, but a directory already sits at that name.
        try FileManager.default.createDirectory(
            atPath: directory.file("00000000000000000005.log"), withIntermediateDirectories: false)
        journal.append(topic: "t", payload: [UInt8](repeating: 1, count: 100), time: 0)
        #expect(
            throws: JournalError.io(operation: "open", path: directory.file("00000000000000000005.log"), code: EEXIST)
        ) {
            try journal.commit()
        }
        #expect(!journal.hasStaged)
        #expect(journal.nextSeq == journal.lastSeq + 1)
        journal.append(topic: "t", payload: [2], time: 0)
        #expect(throws: JournalError.unusable) { try journal.commit() }
    }
}
