import Foundation

/// Checks an audience CSV list as a stream — constant memory apart from the set of addresses seen, which
/// duplicate detection needs — and writes the cleaned list.
///
/// ```swift
/// var policy = AudiencePolicy()
/// policy.suppress(unsubscribed, reason: .unsubscribed)
/// let report = try AudienceChecker(policy: policy).check(input, writingTo: output) { row in … }
/// ```
public struct AudienceChecker: Sendable {
    /// The rules applied.
    public var policy: AudiencePolicy

    /// Creates a checker.
    public init(policy: AudiencePolicy = AudiencePolicy()) {
        self.policy = policy
    }

    /// Reads `input` to its end in 64 KB chunks; writes the header and kept rows to `output` as UTF-8 CSV.
    /// `onRow`, when given, sees every data row (building its strings costs time on large lists).
    public func check(
        _ input: FileHandle, writingTo output: FileHandle? = nil, onRow: ((AudienceRow) -> Void)? = nil
    ) throws -> AudienceReport {
        var info = stat()
        let isFile = fstat(input.fileDescriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        return try check(
            next: { try input.read(upToCount: 65_536).flatMap { $0.isEmpty ? nil : $0 } },
            write: { bytes in try output?.write(contentsOf: bytes) }, onRow: onRow,
            listBytes: isFile ? Int(info.st_size) : nil)
    }

    /// Checks an in-memory list; the cleaned list is returned through `write`.
    public func check(
        _ data: Data, write: ([UInt8]) throws -> Void = { _ in }, onRow: ((AudienceRow) -> Void)? = nil
    ) throws -> AudienceReport {
        var pending: Data? = data
        return try check(
            next: { defer { pending = nil }; return pending }, write: { try write(Array($0)) }, onRow: onRow,
            listBytes: data.count)
    }

    /// Checks the chunks `next` returns; `listBytes` is the list's size when known (it sizes the dedupe set).
    private func check(
        next: () throws -> Data?, write: (UnsafeRawBufferPointer) throws -> Void, onRow: ((AudienceRow) -> Void)?,
        listBytes: Int?
    ) throws -> AudienceReport {
        var parser = CSVParser(delimiter: policy.delimiter)
        var state = AudienceState(policy: policy, listBytes: listBytes)
        // Closure literals (not a local function) keep the captured state's exclusivity checks static.
        while let chunk = try next() {
            // In windows of at most 64 KB: each is warmed (its rows' keys computed and their dedupe-table slots
            // loaded together) and then parsed while those slots are still in cache.
            try chunk.withUnsafeBytes { bytes in
                var start = 0
                while start < bytes.count {
                    let end = min(start + AudienceState.window, bytes.count)
                    let window = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                    state.warm(window.assumingMemoryBound(to: UInt8.self))
                    defer { state.leaveWindow() }
                    try parser.feed(window) { try state.handle($0, onRow: onRow, write: write) }
                    start = end
                }
            }
            if state.stopped { break }
        }
        if !state.stopped { try parser.finish { try state.handle($0, onRow: onRow, write: write) } }
        try state.flushCleaned(minimumBytes: 0, to: write)
        return state.report()
    }
}
