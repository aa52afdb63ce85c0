import Testing

@testable import Broker

@Suite struct JournalRetentionTests {
    let record = JournalTestRecords.recordLength(payload: 72)

    @Test func retentionBySizeDeletesOldestWholeSealedSegments() throws {
        let directory = JournalTestDirectory()
        let journal = try directory.open(JournalOptions(segmentBytes: 1_000, retentionBytes: 2_000))
        try JournalTestRecords.fill(journal, count: 40)
        // Segments of 9 records start at 1, 10, 19, 28 and 37 (4 records).
        #expect(journal.sizeBytes == 40 * record)

        #expect(try journal.enforceRetention(now: 0) == 3)
        #expect(journal.firstSeq == 28)
        #expect(journal.sizeBytes == 13 * record)
        #expect(journal.segmentCount == 2)
        #expect(
            try directory.names() == [
                "00000000000000000028.idx", "00000000000000000028.log", "00000000000000000037.log",
            ])
        #expect(throws: JournalError.notRetained(requested: 27, firstSeq: 28)) {
            try JournalTestRecords.readAll(journal, from: 27)
        }
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal, from: 28), 28...40)
        #expect(try journal.enforceRetention(now: 0) == 0)
    }

    @Test func retentionByAgeDeletesSegmentsWhoseNewestRecordIsOld() throws {
        let directory = JournalTestDirectory()
        let journal = try directory.open(JournalOptions(segmentBytes: 1_000, retentionAge: 100))
        try JournalTestRecords.fill(journal, count: 40)
        // Record times are base + seq: segment 1...9 ends at base + 9, segment 10...18 at base + 18.
        let base = JournalTestRecords.time(for: 0)

        #expect(try journal.enforceRetention(now: base + 9 + 100) == 0)
        #expect(try journal.enforceRetention(now: base + 18 + 101) == 2)
        #expect(journal.firstSeq == 19)
        #expect(throws: JournalError.notRetained(requested: 0, firstSeq: 19)) {
            try JournalTestRecords.readAll(journal, from: 0)
        }
        #expect(try journal.enforceRetention(now: .max) == 2)
        #expect(journal.firstSeq == 37)
        #expect(journal.segmentCount == 1)
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal, from: 37), 37...40)
    }

    @Test func activeSegmentSurvivesAndFirstSeqPersistsAcrossReopen() throws {
        let directory = JournalTestDirectory()
        let options = JournalOptions(segmentBytes: 1_000, retentionBytes: 0)
        do {
            let journal = try directory.open(options)
            try JournalTestRecords.fill(journal, count: 27)
            // Exactly three full segments: the third is active and keeps its records.
            #expect(try journal.enforceRetention(now: 0) == 2)
            #expect(journal.firstSeq == 19)
            #expect(journal.lastSeq == 27)
        }
        let journal = try directory.open(options)
        #expect(journal.firstSeq == 19)
        #expect(journal.nextSeq == 28)
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal, from: 19), 19...27)
    }
}
