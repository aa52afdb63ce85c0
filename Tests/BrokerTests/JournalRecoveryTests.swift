import Logging
import Testing

@testable import Broker

@Suite struct JournalRecoveryTests {
    let record = JournalTestRecords.recordLength(payload: 72)
    let firstSegment = "00000000000000000001.log"

    @Test func bitFlipInLastSegmentTruncatesFromThatRecord() throws {
        let directory = JournalTestDirectory()
        do { try JournalTestRecords.fill(try directory.open(), count: 20) }
        // Record 11 occupies [10 * record, 11 * record); flip a payload bit in its middle.
        let damaged = 10 * record
        try directory.flipBit(firstSegment, at: damaged + record / 2)

        let journal = try directory.open()
        #expect(journal.recovery.reason == .checksumMismatch)
        #expect(journal.recovery.bytesTruncated == 10 * record)
        #expect(journal.lastSeq == 10)
        #expect(journal.nextSeq == 11)
        #expect(try directory.size(firstSegment) == damaged)
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal), 1...10)

        let warnings = directory.logs.entries(.warning, containing: "truncated")
        #expect(warnings.count == 1)
        #expect(warnings.first?.metadata["segment"] == "\(firstSegment)")
        #expect(warnings.first?.metadata["offset"] == "\(damaged)")
        #expect(warnings.first?.metadata["bytesDropped"] == "\(10 * record)")
        #expect(warnings.first?.metadata["reason"] == "\(JournalDefect.checksumMismatch)")

        try JournalTestRecords.fill(journal, count: 3)
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal), 1...13)
    }

    enum Tail: String, CaseIterable { case cut, zeros, garbage }

    @Test(arguments: Tail.allCases)
    func tornTailIsTruncated(tail: Tail) throws {
        let directory = JournalTestDirectory()
        do { try JournalTestRecords.fill(try directory.open(), count: 5) }
        let cutAt = 4 * record + 13
        let appended: [UInt8] =
            switch tail {
            case .cut: []
            case .zeros: [UInt8](repeating: 0, count: 4096)
            case .garbage: (0..<777).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 13) }
            }
        try directory.cut(firstSegment, to: cutAt, appending: appended)

        let journal = try directory.open()
        #expect(journal.recovery.reason != nil)
        #expect(journal.recovery.bytesTruncated == 13 + Int64(appended.count))
        #expect(journal.lastSeq == 4)
        #expect(try directory.size(firstSegment) == 4 * record)
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal), 1...4)
        #expect(directory.logs.entries(.warning, containing: "truncated").count == 1)
    }

    @Test func recordWithWrongSeqIsTruncated() throws {
        let directory = JournalTestDirectory()
        do { try JournalTestRecords.fill(try directory.open(), count: 5) }
        // A valid copy of record 3 after record 5: its CRC holds but its seq does not follow.
        let third = Array(try directory.contents(firstSegment)[Int(2 * record)..<Int(3 * record)])
        try directory.cut(firstSegment, to: 5 * record, appending: third)

        let journal = try directory.open()
        #expect(journal.recovery.reason == .unexpectedSeq(expected: 6, found: 3))
        #expect(journal.lastSeq == 5)
        #expect(try directory.size(firstSegment) == 5 * record)
    }

    @Test func emptyTrailingSegmentIsClean() throws {
        let directory = JournalTestDirectory()
        do { try JournalTestRecords.fill(try directory.open(JournalOptions(segmentBytes: 1_000)), count: 12) }
        // A crash right after a roll leaves an empty newest segment.
        try directory.write("00000000000000000013.log", [])

        let journal = try directory.open(JournalOptions(segmentBytes: 1_000))
        #expect(journal.recovery.reason == nil)
        #expect(journal.segmentCount == 3)
        #expect(journal.lastSeq == 12)
        try JournalTestRecords.fill(journal, count: 1)
        #expect(try directory.size("00000000000000000013.log") == record)
    }

    @Test func garbageSealedSegmentIsCutAndLaterSegmentsAreSetAside() throws {
        let directory = JournalTestDirectory()
        let options = JournalOptions(segmentBytes: 1_000)
        do { try JournalTestRecords.fill(try directory.open(options), count: 40) }
        // Segments start at 1, 10, 19, 28, 37 (9 records each); the one at 19 becomes noise.
        try directory.write("00000000000000000019.log", [UInt8](repeating: 0xA5, count: Int(9 * record)))
        try directory.remove("00000000000000000019.idx")

        let journal = try directory.open(options)
        #expect(journal.recovery.reason == .invalidLength(0xA5A5_A5A5))
        #expect(journal.recovery.segmentsSetAside == 2)
        #expect(journal.lastSeq == 18)
        #expect(journal.segmentCount == 3)
        #expect(directory.exists("00000000000000000028.log.damaged"))
        #expect(directory.exists("00000000000000000037.log.damaged"))
        #expect(!directory.exists("00000000000000000028.idx"))
        #expect(directory.logs.entries(.error, containing: "set aside").count == 2)
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal), 1...18)

        try JournalTestRecords.fill(journal, count: 2)
        #expect(try directory.size("00000000000000000019.log") == 2 * record)
    }

    @Test func missingSegmentIsReportedAsGap() throws {
        let directory = JournalTestDirectory()
        let options = JournalOptions(segmentBytes: 1_000)
        do { try JournalTestRecords.fill(try directory.open(options), count: 30) }
        try directory.remove("00000000000000000010.log")
        try directory.remove("00000000000000000010.idx")

        let journal = try directory.open(options)
        #expect(journal.recovery.reason == .segmentGap(expected: 10, found: 19))
        #expect(journal.recovery.segmentsSetAside == 2)
        #expect(journal.lastSeq == 9)
        #expect(!directory.exists("00000000000000000001.idx"))
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal), 1...9)
        try JournalTestRecords.fill(journal, count: 1)
        #expect(journal.segmentCount == 2)
    }

    @Test func corruptionInsideSealedSegmentIsReportedByRead() throws {
        let directory = JournalTestDirectory()
        let options = JournalOptions(segmentBytes: 1_000, indexInterval: 100)
        do { try JournalTestRecords.fill(try directory.open(options), count: 30) }
        // Seq 3 sits in the first (sealed) segment, before its last index entry: opening trusts the index.
        try directory.flipBit(firstSegment, at: 2 * record + 40)

        let journal = try directory.open(options)
        #expect(journal.recovery.reason == nil)
        #expect(
            throws: JournalError.corrupt(seq: 3, segment: firstSegment, offset: 2 * record, defect: .checksumMismatch)
        ) {
            try JournalTestRecords.readAll(journal, from: 1)
        }
        JournalTestRecords.expectFilled(try JournalTestRecords.readAll(journal, from: 4), 4...30)
    }
}
