/// Errors thrown by ``Journal``.
public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stored record failed validation while reading; `seq` is the record that was expected there.
    case corrupt(seq: UInt64, segment: String, offset: Int64, defect: JournalDefect)
    /// `requested` is older than the oldest retained record: retention deleted it.
    case notRetained(requested: UInt64, firstSeq: UInt64)
    /// A system call failed; `code` is its errno.
    case io(operation: String, path: String, code: Int32)
    /// The options cannot be used (see the message).
    case invalidOptions(String)
    /// Another open journal (in this or another process) holds the directory's lock.
    case locked(directory: String)
    /// An earlier commit failed, so the file tail is unknown: reopen the journal to recover it.
    case unusable

    public var description: String {
        switch self {
        case .corrupt(let seq, let segment, let offset, let defect):
            "corrupt record at seq \(seq) (segment \(segment), offset \(offset)): \(defect)"
        case .notRetained(let requested, let firstSeq):
            "seq \(requested) is no longer retained; the first retained seq is \(firstSeq)"
        case .io(let operation, let path, let code):
            "\(operation) failed for \(path): errno \(code)"
        case .invalidOptions(let message): "invalid journal options: \(message)"
        case .locked(let directory): "journal directory \(directory) is in use by another journal"
        case .unusable: "the journal failed an earlier commit; reopen it to recover"
        }
    }
}
