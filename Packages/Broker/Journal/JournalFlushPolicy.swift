/// When a committed batch is durable.
public enum FlushPolicy: String, Sendable, Codable, CaseIterable {
    /// `fdatasync` after every commit (and on segment roll): an acked record survives power loss.
    case fsync
    /// `write` only: an acked record survives a process crash but may be lost on power loss.
    case os
}
