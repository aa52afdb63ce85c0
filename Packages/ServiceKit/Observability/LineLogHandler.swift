import Contracts
import Foundation
import Logging
import Synchronization

/// A `LogHandler` writing one line per record:
/// `2026-03-03T09:00:00.000Z info marquee-intake: event handled bus.seq=12 event.id=… reason="a b"`.
/// Metadata keys are sorted; values with spaces, quotes or `=` are quoted.
public struct LineLogHandler: LogHandler {
    /// Where lines go; `Sendable`, called from any thread.
    public typealias Sink = @Sendable (String) -> Void

    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level
    private let label: String
    private let sink: Sink

    /// A handler for `label` writing lines to `sink` (standard error by default).
    public init(label: String, level: Logger.Level = .info, sink: @escaping Sink = LineLogHandler.standardError) {
        self.label = label
        self.logLevel = level
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var line = "\(RFC3339.string(from: Date())) \(event.level) \(label): \(event.message)"
        for key in merged.keys.sorted() {
            guard let value = merged[key] else { continue }
            line += " \(key)=\(Self.quoted("\(value)"))"
        }
        sink(line)
    }

    /// Writes a line to standard error, whole.
    public static let standardError: Sink = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) else {
            return value
        }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }
}
