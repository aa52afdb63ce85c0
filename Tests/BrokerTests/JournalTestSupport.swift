import Foundation
import Logging
import Synchronization
import Testing

@testable import Broker

/// A fresh directory under the system temp directory for one test, removed when released, with a
/// log recorder and helpers to open journals in it and to damage its files.
final class JournalTestDirectory {
    let path: String
    let logs = JournalLogRecorder()

    init() {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("journal-test-\(UUID().uuidString)").path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Opens (or reopens) the journal in this directory, logging into ``logs``.
    func open(_ options: JournalOptions = JournalOptions()) throws -> Journal {
        try Journal(directory: path, options: options, logger: logs.logger)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Names of the files in the directory, sorted.
    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name)) }

    func size(_ name: String) throws -> Int64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: file(name))
        return (attributes[.size] as? NSNumber)?.int64Value ?? -1
    }

    func contents(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: file(name))) }

    /// Inverts one bit of the byte at `offset` of file `name`.
    func flipBit(_ name: String, at offset: Int64) throws {
        var data = try contents(name)
        data[Int(offset)] ^= 0x10
        try data.write(to: URL(fileURLWithPath: file(name)))
    }

    /// Cuts file `name` to `length` bytes, then appends `tail`.
    func cut(_ name: String, to length: Int64, appending tail: [UInt8] = []) throws {
        let data = try contents(name).prefix(Int(length)) + tail
        try data.write(to: URL(fileURLWithPath: file(name)))
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
    }

    func remove(_ name: String) throws { try FileManager.default.removeItem(atPath: file(name)) }
}

/// Collects log entries in memory so tests can check what the journal reported.
final class JournalLogRecorder: Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    private let storage = Mutex<[Entry]>([])

    var entries: [Entry] { storage.withLock { $0 } }

    var logger: Logger {
        Logger(label: "journal-test") { _ in JournalRecordingLogHandler(recorder: self) }
    }

    func record(_ entry: Entry) { storage.withLock { $0.append(entry) } }

    /// Entries at `level` whose message contains `text`.
    func entries(_ level: Logger.Level, containing text: String) -> [Entry] {
        entries.filter { $0.level == level && $0.message.contains(text) }
    }
}

/// A `LogHandler` that hands every entry to a ``JournalLogRecorder``.
struct JournalRecordingLogHandler: LogHandler {
    let recorder: JournalLogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        recorder.record(
            .init(
                level: event.level, message: event.message.description,
                metadata: metadata.merging(event.metadata ?? [:]) { $1 }))
    }
}

/// A record copied out of the read callback.
struct JournalStoredRecord: Equatable {
    var seq: UInt64
    var time: Int64
    var topic: String
    var id: [UInt8]
    var identity: [UInt8]
    var payload: [UInt8]
}

extension JournalStoredRecord {
    init(_ record: JournalRecord) {
        seq = record.seq
        time = record.time
        topic = record.topicText
        id = Array(record.id)
        identity = Array(record.identity)
        payload = Array(record.payload)
    }
}

/// Fixed-size records with contents derived from their seq, so tests can predict file offsets and
/// check every byte read back.
enum JournalTestRecords {
    static let topic = "t.x"
    /// Bytes one record takes on disk: header, fixed body fields, topic and payload.
    static func recordLength(payload: Int) -> Int64 { Int64(8 + 20 + topic.utf8.count + payload) }

    static func payload(for seq: UInt64, size: Int) -> [UInt8] {
        (0..<size).map { UInt8(truncatingIfNeeded: Int(seq) &* 31 &+ $0) }
    }

    static func time(for seq: UInt64) -> Int64 { 1_700_000_000_000 + Int64(seq) }

    /// Appends `count` records (committing every `batch`) and returns the last seq.
    @discardableResult
    static func fill(_ journal: Journal, count: Int, payload size: Int = 72, batch: Int = 1) throws -> UInt64 {
        for written in 1...max(count, 1) where count > 0 {
            let seq = journal.nextSeq
            journal.append(topic: topic, payload: payload(for: seq, size: size), time: time(for: seq))
            if written % batch == 0 { try journal.commit() }
        }
        try journal.commit()
        return journal.lastSeq
    }

    /// Every record from `seq` on.
    static func readAll(_ journal: Journal, from seq: UInt64 = 0) throws -> [JournalStoredRecord] {
        var records: [JournalStoredRecord] = []
        try journal.read(from: seq) { record in
            records.append(JournalStoredRecord(record))
            return true
        }
        return records
    }

    /// Checks that `records` are exactly seqs `range` as written by ``fill(_:count:payload:batch:)``.
    static func expectFilled(_ records: [JournalStoredRecord], _ range: ClosedRange<UInt64>, payload size: Int = 72) {
        #expect(records.map(\.seq) == Array(range))
        for record in records {
            #expect(record.payload == payload(for: record.seq, size: size))
            #expect(record.time == time(for: record.seq))
            #expect(record.topic == topic)
        }
    }
}
