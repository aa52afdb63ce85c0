/// The QA checklist the SOP prescribes: what a reviewer other than the builder confirms before a campaign
/// goes to approvals. Each item covers the automated QA rules whose ids start with one of its prefixes, so
/// the automated findings can pre-fill it.
public struct QAChecklistItem: Sendable, Hashable, Codable {
    /// Stable wire id, e.g. `links`.
    public var id: String
    /// What the reviewer checks, in a sentence.
    public var title: String
    /// Automated rule id prefixes this item covers (`link.`, `utm.`).
    public var rulePrefixes: [String]

    public init(id: String, title: String, rulePrefixes: [String]) {
        self.id = id
        self.title = title
        self.rulePrefixes = rulePrefixes
    }

    /// Whether the automated rule `rule` belongs to this item.
    public func covers(rule: String) -> Bool { rulePrefixes.contains { rule.hasPrefix($0) } }
}

/// The standard checklist and how automated findings pre-fill it.
public enum QAChecklist {
    /// The five areas of the SOP: email content, image rendering, links and UTMs, audience setup, asset
    /// readiness against the channel specs.
    public static let standard: [QAChecklistItem] = [
        QAChecklistItem(
            id: "content", title: "Email content: subject, preheader, copy, merge tags, legal footer",
            rulePrefixes: ["content."]),
        QAChecklistItem(
            id: "rendering", title: "Image rendering and client support: alt text, sizes, CSS, dark mode",
            rulePrefixes: ["image.", "css."]),
        QAChecklistItem(
            id: "links", title: "Links and UTMs: every link works and is tracked to the plan",
            rulePrefixes: ["link.", "utm."]),
        QAChecklistItem(
            id: "audience", title: "Audience setup: list, consent, suppressions", rulePrefixes: ["audience."]),
        QAChecklistItem(
            id: "assets", title: "Asset readiness against the channel specs", rulePrefixes: ["asset."]),
    ]

    /// One automated finding, as far as the checklist needs it.
    public struct Finding: Sendable, Hashable {
        public var rule: String
        public var isError: Bool
        public var message: String

        public init(rule: String, isError: Bool, message: String) {
            self.rule = rule
            self.isError = isError
            self.message = message
        }
    }

    /// The checklist pre-filled from automated findings: an item with an error finding is `fail` with the
    /// findings as its comment, every other item `pass`. The reviewer confirms or changes each answer.
    public static func prefilled(from findings: [Finding], items: [QAChecklistItem] = standard) -> [QAChecklistAnswer] {
        items.map { item in
            let errors = findings.filter { $0.isError && item.covers(rule: $0.rule) }
            guard !errors.isEmpty else { return QAChecklistAnswer(item: item.id, result: .pass) }
            let comment = errors.prefix(5).map { "\($0.rule): \($0.message)" }.joined(separator: "; ")
                + (errors.count > 5 ? "; and \(errors.count - 5) more" : "")
            return QAChecklistAnswer(item: item.id, result: .fail, comment: comment)
        }
    }

    /// Why `answers` do not complete `items` (every item once, known ids, a comment on each failure), or nil.
    public static func problem(in answers: [QAChecklistAnswer], items: [QAChecklistItem] = standard) -> String? {
        let known = Set(items.map(\.id))
        if let unknown = answers.first(where: { !known.contains($0.item) }) {
            return "unknown checklist item \"\(unknown.item)\""
        }
        var seen: Set<String> = []
        if let repeated = answers.first(where: { !seen.insert($0.item).inserted }) {
            return "checklist item \"\(repeated.item)\" is answered twice"
        }
        let missing = items.map(\.id).filter { !seen.contains($0) }
        if !missing.isEmpty { return "checklist items not answered: \(missing.joined(separator: ", "))" }
        if let bare = answers.first(where: { $0.result == .fail && $0.comment.allSatisfy(\.isWhitespace) }) {
            return "checklist item \"\(bare.item)\" failed without a comment"
        }
        return nil
    }

    /// The outcome a complete checklist gives: passed only when every item passed.
    public static func outcome(of answers: [QAChecklistAnswer]) -> QAOutcome {
        answers.allSatisfy { $0.result == .pass } ? .passed : .failed
    }
}
