import Foundation

/// How the benchmark's lines format numbers and comparisons.
enum Report {
    /// `950 msg/s`, `312k msg/s`, `1.21M msg/s`.
    static func rate(_ perSecond: Double) -> String {
        "\(quantity(perSecond)) msg/s"
    }

    /// `950`, `312k`, `1M`, `1.21M` (counts of messages).
    static func quantity(_ value: Double) -> String {
        switch value {
        case 1e6... where value.truncatingRemainder(dividingBy: 1e6) == 0: "\(Int(value / 1e6))M"
        case 1e6...: String(format: "%.2fM", value / 1e6)
        case 1e3...: String(format: "%.0fk", value / 1e3)
        default: String(format: "%.0f", value)
        }
    }

    /// `42.1 MB`.
    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1e6)
    }

    /// `3.21 s`.
    static func seconds(_ value: Double) -> String {
        String(format: "%.2f s", value)
    }

    /// `= 2.41x JetStream acked (129k msg/s)`, with `, goal ≥ 1.0x: met` when there is a goal; says so
    /// when the baseline is missing from this run.
    static func versus(_ ours: Throughput, _ baseline: Baselines.Run?, _ name: String, goal: Double? = nil) -> String {
        guard let baseline, baseline.perSecond > 0 else { return "(no \(name) baseline in this run)" }
        let ratio = ours.perSecond / baseline.perSecond
        var text = String(format: "= %.2fx %@ (%@)", ratio, name, rate(baseline.perSecond))
        if !baseline.complete { text += " [baseline incomplete: \(baseline.messages) msgs]" }
        if let goal { text += String(format: ", goal ≥ %.1fx: %@", goal, ratio >= goal ? "met" : "NOT met") }
        return text
    }

    /// Prints `line` at once, even when standard output is a pipe.
    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
