import Foundation
import QAEngine

/// A suppression list file and why its addresses may not be mailed: `marquee qa check --unsubscribed FILE`, or a
/// `suppressions` entry of an ``AudiencePolicyFile``. The file is a plain list or a CSV export
/// (``SuppressionList``).
public struct SuppressionFile: Sendable, Hashable {
    /// What reading one file gave.
    public struct Loaded: Sendable, Hashable {
        public var file: SuppressionFile
        /// Addresses read (a repeated address counts each time).
        public var addresses: Int
        /// Lines that gave no address.
        public var problemCount: Int
        /// The first of those lines (at most ``SuppressionFile/keptProblems``).
        public var problems: [SuppressionList.Problem]
    }

    /// How many problem lines ``Loaded/problems`` keeps; the rest are only counted.
    public static let keptProblems = 10

    /// The file, as given (relative to the working directory) or resolved against a policy file's directory.
    public var path: String
    public var reason: AudiencePolicy.SuppressionReason

    public init(path: String, reason: AudiencePolicy.SuppressionReason) {
        self.path = path
        self.reason = reason
    }

    /// Streams the file into `policy`'s suppressions (held in batches of 10,000 addresses on the way). Throws
    /// when the file cannot be read or is a CSV export without an email column; lines without an address are
    /// counted in the result, not thrown.
    public func add(to policy: inout AudiencePolicy) throws(AudienceConfigError) -> Loaded {
        let name = "\(reason.rawValue) list \(path)"
        guard let handle = FileHandle(forReadingAtPath: path) else { throw AudienceConfigError("cannot read \(name)") }
        defer { try? handle.close() }
        var loaded = Loaded(file: self, addresses: 0, problemCount: 0, problems: [])
        var batch: [String] = []
        batch.reserveCapacity(10_000)
        func flush() {
            policy.suppress(batch, reason: reason)
            loaded.addresses += batch.count
            batch.removeAll(keepingCapacity: true)
        }
        do {
            try SuppressionList.read(handle) { address in
                batch.append(address)
                if batch.count == 10_000 { flush() }
            } problem: { problem in
                loaded.problemCount += 1
                if loaded.problems.count < Self.keptProblems { loaded.problems.append(problem) }
            }
        } catch {
            throw AudienceConfigError("\(name): \(error)")
        }
        flush()
        return loaded
    }
}
