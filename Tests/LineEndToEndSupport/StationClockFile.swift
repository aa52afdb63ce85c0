import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The stations' clock as a file (`--station-clock file:PATH`) that a test moves: each move replaces the file
/// atomically, so a station never reads half an instant. Removed when dropped.
public final class StationClockFile: Sendable {
    public let path: URL

    /// A clock file in the scratch directory, set to `start`.
    public init(start: Date = LineModel.start) throws {
        path = LineCluster.scratchRoot.appendingPathComponent("marquee-clock-\(UUID().uuidString.prefix(8))")
        try set(start)
    }

    /// The `marquee up` flag value.
    public var flag: String { "file:\(path.path)" }

    /// Moves the clock to `date`.
    @Sendable public func set(_ date: Date) throws {
        let temp = path.appendingPathExtension("tmp")
        try Data((lineRFC3339(date) + "\n").utf8).write(to: temp)
        guard rename(temp.path, path.path) == 0 else { throw LineHarnessError("cannot move the clock file") }
    }

    deinit { try? FileManager.default.removeItem(at: path) }
}
