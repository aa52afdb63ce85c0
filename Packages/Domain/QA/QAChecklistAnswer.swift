/// A reviewer's answer to one checklist item. Wire values of `result`: `"pass"`, `"fail"`.
public enum QAChecklistResult: String, Sendable, Hashable, Codable {
    case pass
    case fail
}

/// One answered checklist item. Wire keys: `item`, `result`, `comment`.
public struct QAChecklistAnswer: Sendable, Hashable, Codable {
    /// The ``QAChecklistItem`` id.
    public var item: String
    public var result: QAChecklistResult
    /// Why it failed (required for `fail`), or a note.
    public var comment: String

    public init(item: String, result: QAChecklistResult, comment: String = "") {
        self.item = item
        self.result = result
        self.comment = comment
    }
}
