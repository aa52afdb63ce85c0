import Logging
import Testing

@testable import Broker

@Suite struct JournalIndexTests {
    let options = JournalOptions(segmentBytes: 2_000, indexInterval: 300)

    @Test(arguments: [1, 2, 18, 19, 20, 57, 100, 133, 199, 200] as [UInt64])
    func readFromAnySeqStartsExactlyThere(seq: UInt64) throws {
        let directory = JournalTestDirectory()
        let journal = try directory.open(options)
        try JournalTestRecords.fill(journal, count: 200, batch: 16)
        #expect(journal.segmentCount > 5)
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal, from: seq), seq...200)
    }

    @Test func readPastTheEndYieldsNothing() throws {
        let directory = JournalTestDirectory()
        let journal = try directory.open(options)
        try JournalTestRecords.fill(journal, count: 30)
        #expect(try JournalTestRecords.readAll(journal, from: 31).isEmpty)
        #expect(try JournalTestRecords.readAll(journal, from: .max).isEmpty)
    }

    @Test func sparseEntriesPointAtTheirRecords() throws {
        let directory = JournalTestDirectory()
        let journal = try directory.open(options)
        try JournalTestRecords.fill(journal, count: 100, batch: 9)
        let record = JournalTestRecords.recordLength(payload: 72)
        for segment in journal.segments {
            // 103-byte records with a 300-byte interval: an entry every third record, from the first.
            let expected = stride(from: segment.baseSeq, through: segment.lastSeq, by: 3).map {
                JournalIndexEntry(seq: $0, offset: Int64($0 - segment.baseSeq) * record)
            }
            #expect(segment.index == expected)
        }
    }

    enum Damage: String, CaseIterable { case deleted, cut, bitFlip, wrongSegment }

    @Test(arguments: Damage.allCases)
    func damagedIndexIsRebuilt(damage: Damage) throws {
        let directory = JournalTestDirectory()
        do { try JournalTestRecords.fill(try directory.open(options), count: 100) }
        let name = "00000000000000000020.idx"
        let original = try directory.contents(name)
        switch damage {
        case .deleted: try directory.remove(name)
        case .cut: try directory.cut(name, to: 20)
        case .bitFlip: try directory.flipBit(name, at: 17)
        case .wrongSegment: try directory.write(name, Array(try directory.contents("00000000000000000001.idx")))
        }

        let journal = try directory.open(options)
        #expect(journal.recovery.indexesRebuilt == 1)
        #expect(journal.recovery.reason == nil)
        #expect(try directory.contents(name) == original)
        #expect(directory.logs.entries(.warning, containing: "rebuilding").count == 1)
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal, from: 25), 25...100)
    }

    @Test func indexWhoseTailDoesNotMatchItsSegmentIsRebuilt() throws {
        let directory = JournalTestDirectory()
        do { try JournalTestRecords.fill(try directory.open(options), count: 100) }
        // A sealed segment losing its last record no longer ends where its index says.
        let name = "00000000000000000001.log"
        let size = try directory.size(name)
        try directory.cut(name, to: size - JournalTestRecords.recordLength(payload: 72))

        let journal = try directory.open(options)
        #expect(journal.recovery.indexesRebuilt == 1)
        #expect(journal.recovery.reason == .segmentGap(expected: 19, found: 20))
        #expect(journal.lastSeq == 18)
    }
}
