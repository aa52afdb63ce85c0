import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The queue groups' durable log in `<data>/groups`: every ``GroupOperation`` is staged here and committed
/// under the broker's flush policy before the broker acts on it.
///
/// The log only grows, so past a size it is compacted: the live state of every group (``QueueGroup/snapshot``)
/// is written as a fresh journal in `groups.compacting` and fsynced, then swapped in by two renames
/// (`groups` → `groups.old`, `groups.compacting` → `groups`) and a sync of the data directory. Opening
/// finishes or discards a compaction a crash interrupted, so the state is always the old log or the new one.
final class GroupJournal {
    /// Directory names under the data directory.
    static let name = "groups"
    static let compactingName = "groups.compacting"
    static let retiredName = "groups.old"

    private let dataDirectory: String
    private let options: JournalOptions
    private let compactBytes: Int64
    private let logger: Logger
    private var journal: Journal
    /// Size of the last snapshot: the log is compacted again only once it has grown well past it.
    private var snapshotBytes: Int64 = 0
    /// Compactions done since the broker started.
    private(set) var compactions = 0

    /// Opens the log in `<dataDirectory>/groups` after completing or discarding an interrupted compaction.
    init(dataDirectory: String, flush: FlushPolicy, compactBytes: Int64, logger: Logger) throws {
        self.dataDirectory = dataDirectory
        self.options = JournalOptions(segmentBytes: 16 << 20, flush: flush)
        self.compactBytes = compactBytes
        self.logger = logger
        try Self.settleCompaction(in: dataDirectory, logger: logger)
        journal = try Journal(directory: dataDirectory + "/" + Self.name, options: options, logger: logger)
    }

    /// Committed bytes of the log.
    var sizeBytes: Int64 { journal.sizeBytes }

    /// Whether operations are staged and waiting for ``commit()``.
    var hasStaged: Bool { journal.hasStaged }

    /// Stages `operation` of `group`.
    func stage(_ operation: GroupOperation, group: String) {
        Self.append(operation, group: group, to: journal)
    }

    /// Makes the staged operations durable under the flush policy.
    func commit() throws {
        try journal.commit()
    }

    /// Every persisted operation in order, with its group's name; unreadable payloads are skipped.
    func replay(_ body: (String, GroupOperation) -> Void) throws {
        try journal.read(from: 0) { record in
            if let operation = GroupOperation(record.payload) { body(String(decoding: record.topic, as: UTF8.self), operation) }
            return true
        }
    }

    /// Whether the log has grown past the compaction size (and well past its last snapshot).
    var needsCompaction: Bool {
        journal.sizeBytes > max(compactBytes, snapshotBytes * 2)
    }

    /// Replaces the log by the snapshot of `groups`. Throws only once the swap has begun, when the broker
    /// must stop and let the next start finish it; a failure before that is logged and the old log kept.
    func compact(_ groups: some Sequence<QueueGroup>) throws {
        let before = journal.sizeBytes
        let compacting = path(Self.compactingName)
        do {
            try FileManager.default.removeItemIfPresent(atPath: compacting)
            let snapshot = try Journal(
                directory: compacting, options: JournalOptions(segmentBytes: options.segmentBytes, flush: .fsync),
                logger: logger)
            for group in groups {
                for operation in group.snapshot { Self.append(operation, group: group.name, to: snapshot) }
            }
            try snapshot.commit()
            try snapshot.directory.sync()
            snapshotBytes = snapshot.sizeBytes
        } catch {
            logger.error("group journal compaction failed; keeping the full log", metadata: ["error": "\(error)"])
            try? FileManager.default.removeItemIfPresent(atPath: compacting)
            snapshotBytes = before
            return
        }
        try Self.move(path(Self.name), to: path(Self.retiredName))
        try Self.move(compacting, to: path(Self.name))
        try Self.syncDirectory(dataDirectory)
        journal = try Journal(directory: path(Self.name), options: options, logger: logger)
        try FileManager.default.removeItemIfPresent(atPath: path(Self.retiredName))
        compactions += 1
        logger.info(
            "group journal compacted", metadata: ["bytes_before": "\(before)", "bytes_after": "\(journal.sizeBytes)"])
    }

    private func path(_ name: String) -> String { dataDirectory + "/" + name }

    /// Brings the data directory to a state with exactly one group log after a crash mid-compaction:
    /// without `groups`, the fully written `groups.compacting` (or the retired `groups.old`) becomes it;
    /// with `groups`, leftovers of either side are removed.
    static func settleCompaction(in dataDirectory: String, logger: Logger) throws {
        let files = FileManager.default
        let (current, compacting, retired) = (
            dataDirectory + "/" + name, dataDirectory + "/" + compactingName, dataDirectory + "/" + retiredName
        )
        guard files.fileExists(atPath: compacting) || files.fileExists(atPath: retired) else { return }
        if !files.fileExists(atPath: current) {
            let survivor = files.fileExists(atPath: retired) && !files.fileExists(atPath: compacting) ? retired : compacting
            logger.warning("finishing an interrupted group journal compaction", metadata: ["from": "\(survivor)"])
            try move(survivor, to: current)
        }
        try files.removeItemIfPresent(atPath: compacting)
        try files.removeItemIfPresent(atPath: retired)
        try syncDirectory(dataDirectory)
    }

    private static func append(_ operation: GroupOperation, group: String, to journal: Journal) {
        let none = UnsafeRawBufferPointer(start: nil, count: 0)
        operation.encoded.withUnsafeBytes { payload in
            Array(group.utf8).withUnsafeBytes { topic in
                _ = journal.append(topic: topic, id: none, identity: none, payload: payload, time: BrokerLoop.nowMilliseconds())
            }
        }
    }

    private static func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw JournalError.io(operation: "rename", path: source, code: errno)
        }
    }

    private static func syncDirectory(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw JournalError.io(operation: "open", path: path, code: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw JournalError.io(operation: "fsync", path: path, code: errno) }
    }
}

extension FileManager {
    /// Removes the file or directory at `path`; one that does not exist is not an error.
    fileprivate func removeItemIfPresent(atPath path: String) throws {
        guard fileExists(atPath: path) else { return }
        try removeItem(atPath: path)
    }
}
