import Testing

@testable import Broker

@Suite struct JournalRoundTripTests {
    @Test(arguments: [0, 1, 1_000, 300_000])
    func recordReadsBackWithAllFields(payloadSize: Int) throws {
        let directory = JournalTestDirectory()
        let journal = try directory.open()
        let payload = JournalTestRecords.payload(for: 7, size: payloadSize)
        let seq = journal.append(
            topic: "campaign.intake.held", id: "01J9ZK", identity: "publisher-7", payload: payload, time: -42)
        try journal.commit()

        let records = try JournalTestRecords.readAll(journal)
        #expect(seq == 1)
        #expect(
            records == [
                JournalStoredRecord(
                    seq: 1, time: -42, topic: "campaign.intake.held", id: Array("01J9ZK".utf8),
                    identity: Array("publisher-7".utf8), payload: payload)
            ])
        #expect(journal.sizeBytes == Int64(8 + 20 + 20 + 6 + 11 + payloadSize))
    }

    @Test func freshJournalIsEmpty() throws {
        let directory = JournalTestDirectory()
        let journal = try directory.open()
        #expect(journal.firstSeq == 1)
        #expect(journal.lastSeq == 0)
        #expect(journal.nextSeq == 1)
        #expect(journal.segmentCount == 1)
        #expect(journal.recovery == JournalRecovery(segments: 1))
        #expect(try JournalTestRecords.readAll(journal, from: 0).isEmpty)
        #expect(try directory.names() == ["00000000000000000001.log"])
    }

    @Test func stagedRecordsStayInvisibleUntilCommit() throws {
        let directory = JournalTestDirectory()
        let journal = try directory.open()
        let first = journal.append(topic: "a", payload: [1], time: 1)
        let second = journal.append(topic: "b", payload: [2], time: 2)
        #expect([first, second] == [1, 2])
        #expect(journal.hasStaged)
        #expect(journal.nextSeq == 3)
        #expect(journal.lastSeq == 0)
        #expect(journal.sizeBytes == 0)
        #expect(try JournalTestRecords.readAll(journal).isEmpty)

        try journal.commit()
        #expect(!journal.hasStaged)
        #expect(journal.lastSeq == 2)
        #expect(try JournalTestRecords.readAll(journal).map(\.payload) == [[1], [2]])
    }

    @Test(arguments: FlushPolicy.allCases)
    func reopenKeepsRecordsAndContinuesSeq(flush: FlushPolicy) throws {
        let directory = JournalTestDirectory()
        let options = JournalOptions(segmentBytes: 1_000, indexInterval: 200, flush: flush)
        do {
            let journal = try directory.open(options)
            try JournalTestRecords.fill(journal, count: 40, batch: 7)
        }
        let journal = try directory.open(options)
        #expect(journal.recovery.reason == nil)
        #expect(journal.recovery.bytesTruncated == 0)
        #expect(journal.lastSeq == 40)
        #expect(journal.nextSeq == 41)
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal), 1...40)

        try JournalTestRecords.fill(journal, count: 5)
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal, from: 38), 38...45)
    }

    @Test func readStopsWhenBodyReturnsFalse() throws {
        let directory = JournalTestDirectory()
        let journal = try directory.open()
        try JournalTestRecords.fill(journal, count: 10)
        var seen: [UInt64] = []
        try journal.read(from: 4) { record in
            seen.append(record.seq)
            return seen.count < 3
        }
        #expect(seen == [4, 5, 6])
    }

    @Test func secondJournalOnTheSameDirectoryIsRefused() throws {
        let directory = JournalTestDirectory()
        let journal = try directory.open()
        #expect(throws: JournalError.locked(directory: directory.path)) { try directory.open() }
        #expect(journal.lastSeq == 0)
    }

    @Test(arguments: [
        JournalOptions(segmentBytes: 10), JournalOptions(indexInterval: 0), JournalOptions(retentionBytes: -1),
        JournalOptions(retentionAge: -5),
    ])
    func unusableOptionsAreRejected(options: JournalOptions) throws {
        let directory = JournalTestDirectory()
        let error = #expect(throws: JournalError.self) { try directory.open(options) }
        guard case .invalidOptions = error else {
            Issue.record("expected invalidOptions, got \(String(describing: error))")
            return
        }
    }
}
