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
        try check(
            next: { try input.read(upToCount: 65_536).flatMap { $0.isEmpty ? nil : $0 } },
            write: { bytes in try output?.write(contentsOf: Data(bytes)) }, onRow: onRow)
    }

    /// Checks an in-memory list; the cleaned list is returned through `write`.
    public func check(
        _ data: Data, write: ([UInt8]) throws -> Void = { _ in }, onRow: ((AudienceRow) -> Void)? = nil
    ) throws -> AudienceReport {
        var pending: Data? = data
        return try check(next: { defer { pending = nil }; return pending }, write: write, onRow: onRow)
    }

    private func check(
        next: () throws -> Data?, write: ([UInt8]) throws -> Void, onRow: ((AudienceRow) -> Void)?
    ) throws -> AudienceReport {
        var parser = CSVParser(delimiter: policy.delimiter)
        var state = AudienceState(policy: policy)
        // Closure literals (not a local function) keep the captured state's exclusivity checks static.
        while let chunk = try next() {
            // In windows of at most 64 KB: each is warmed (its rows' dedupe-table slots loaded together) and
            // then parsed while those slots are still in cache.
            try chunk.withUnsafeBytes { bytes in
                var start = 0
                while start < bytes.count {
                    let window = UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + 65_536, bytes.count)])
                    state.warm(window.assumingMemoryBound(to: UInt8.self))
                    try parser.feed(window) { try state.handle($0, onRow: onRow, write: write) }
                    start += window.count
                }
            }
            if state.stopped { break }
        }
        if !state.stopped { try parser.finish { try state.handle($0, onRow: onRow, write: write) } }
        try write(state.cleanedOutput(minimumBytes: 0) ?? [])
        return state.report()
    }
}
