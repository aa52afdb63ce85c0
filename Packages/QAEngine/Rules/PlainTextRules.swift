/// Rules on the plain-text alternative part.
enum PlainTextRules {
    static func check(_ plainText: String?, kind: EmailKind, options: QAOptions, into out: inout FindingCollector) {
        guard let plainText else {
            out.add(
                Finding(
                    .contentPlainTextMissing, at: Location(path: "text/plain"),
                    "The email has no plain-text version; some readers and spam filters expect one.",
                    fix: "Add a plain-text version with the same message and links."))
            return
        }
        let at = Location(line: 1, column: 1, path: "text/plain")
        if plainText.allSatisfy(\.isWhitespace) {
            out.add(
                Finding(
                    .contentPlainTextEmpty, at: at, "The plain-text version is empty.",
                    fix: "Write the message and its links in the plain-text version."))
            return
        }
        let lower = plainText.lowercased()
        let hasUnsubscribe =
            lower.contains("unsubscribe") || lower.contains("opt-out") || lower.contains("preferences")
            || options.allowedMergeTags.contains { plainText.contains($0) && $0.lowercased().contains("unsub") }
        if kind == .marketing, !hasUnsubscribe {
            out.add(
                Finding(
                    .contentPlainTextUnsubscribeMissing, at: at, "The plain-text version has no unsubscribe link.",
                    fix: "Add the unsubscribe URL to the plain-text footer."))
        }
        for (number, line) in plainText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            EnvelopeRules.mergeTags(
                in: String(line), at: Location(line: number + 1, column: 1, path: "text/plain"), options: options,
                into: &out)
        }
    }
}
