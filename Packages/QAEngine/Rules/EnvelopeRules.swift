import Foundation

/// Rules on the inbox-facing fields: subject line and preheader.
enum EnvelopeRules {
    static func check(_ email: EmailDocument, options: QAOptions, into out: inout FindingCollector) {
        let subject = TextNormalizer.collapsed(email.subject ?? "")
        let subjectAt = Location(path: "subject")
        if subject.isEmpty {
            out.add(
                Finding(
                    .contentSubjectMissing, at: subjectAt, "The email has no subject line.",
                    fix: "Write a subject line of up to \(options.maxSubjectLength) characters."))
        } else if subject.count > options.maxSubjectLength {
            out.add(
                Finding(
                    .contentSubjectTooLong, at: subjectAt,
                    "The subject line has \(subject.count) characters; phones cut it after about \(options.maxSubjectLength).",
                    fix: "Shorten it and put the key words first."))
        }
        mergeTags(in: subject, at: subjectAt, options: options, into: &out)

        let preheader = TextNormalizer.collapsed(email.preheader ?? "")
        let preheaderAt = Location(path: "preheader")
        if preheader.isEmpty {
            out.add(
                Finding(
                    .contentPreheaderMissing, at: preheaderAt,
                    "The email has no preheader, so the inbox will show whatever text comes first.",
                    fix: "Write a preheader of 40–\(options.maxPreheaderLength) characters that adds to the subject."))
        } else if preheader.count > options.maxPreheaderLength {
            out.add(
                Finding(
                    .contentPreheaderTooLong, at: preheaderAt,
                    "The preheader has \(preheader.count) characters; inboxes show about \(options.maxPreheaderLength).",
                    fix: "Shorten the preheader."))
        }
        mergeTags(in: preheader, at: preheaderAt, options: options, into: &out)
    }

    /// Reports merge tags left in `text` that the sending platform will not fill.
    static func mergeTags(in text: String, at location: Location, options: QAOptions, into out: inout FindingCollector) {
        for tag in MergeTagScanner.tags(in: text) where !options.allowedMergeTags.contains(tag) {
            out.add(
                Finding(
                    .contentMergeTag, at: location, "The merge tag \(tag) in the \(location.path ?? "text") was not filled in.",
                    fix: "Fill in the value or fix the tag's spelling so your email platform replaces it."))
        }
        if let filler = PlaceholderTextScanner.firstPlaceholder(in: text) {
            out.add(
                Finding(
                    .contentPlaceholderText, at: location,
                    "Placeholder text \"\(filler)\" is still in the \(location.path ?? "text").",
                    fix: "Replace it with the final copy."))
        }
    }
}
