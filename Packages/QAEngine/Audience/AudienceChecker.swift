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
    public func check(
        _ input: FileHandle, writingTo output: FileHandle? = nil, onRow: (AudienceRow) -> Void = { _ in }
    ) throws -> AudienceReport {
        try check(
            next: { try input.read(upToCount: 65_536).flatMap { $0.isEmpty ? nil : $0 } },
            write: { bytes in try output?.write(contentsOf: Data(bytes)) }, onRow: onRow)
    }

    /// Checks an in-memory list; the cleaned list is returned through `write`.
    public func check(
        _ data: Data, write: ([UInt8]) throws -> Void = { _ in }, onRow: (AudienceRow) -> Void = { _ in }
    ) throws -> AudienceReport {
        var pending: Data? = data
        return try check(next: { defer { pending = nil }; return pending }, write: write, onRow: onRow)
    }

    private func check(
        next: () throws -> Data?, write: ([UInt8]) throws -> Void, onRow: (AudienceRow) -> Void
    ) throws -> AudienceReport {
        var parser = CSVParser(delimiter: policy.delimiter)
        var state = AudienceState(policy: policy)
        var writer = CSVWriter()
        func handle(_ record: CSVParser.Record) throws {
            state.handle(record, writer: &writer, onRow: onRow)
            if writer.buffer.count >= 65_536 { try write(writer.drain()) }
        }
        while let chunk = try next() {
            try chunk.withUnsafeBytes { try parser.feed($0, handle) }
            if state.stopped { break }
        }
        if !state.stopped { try parser.finish(handle) }
        try write(writer.drain())
        return state.report()
    }
}
