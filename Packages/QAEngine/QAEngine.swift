/// Automated email QA: links and UTMs, content and compliance, rendering risks. Pure and synchronous:
/// no network, no clock, no bus; safe to call from many tasks at once.
///
/// ```swift
/// let report = QAEngine().check(email: EmailDocument(html: html, subject: "Spring is here"),
///                               plan: TrackingPlan(source: "newsletter", medium: "email", campaign: "spring-26"))
/// if report.verdict == .failed { … report.findings … }
/// ```
public struct QAEngine: Sendable {
    /// Limits and policies applied by `check`.
    public var options: QAOptions

    /// Creates an engine with `options`.
    public init(options: QAOptions = .standard) {
        self.options = options
    }

    /// Checks `email`; UTM rules run when `plan` is given, and images whose `src` — or its file name, as in
    /// `hero.png` for `https://cdn.example.com/img/hero.png?v=2` — is a key of `assets` (facts from
    /// `AssetInspector.info(of:)`) are checked for retina sharpness and weight.
    public func check(email: EmailDocument, plan: TrackingPlan? = nil, assets: [String: ImageInfo] = [:]) -> QAReport {
        var out = FindingCollector(limitPerRule: options.findingsPerRule)
        EnvelopeRules.check(email, options: options, into: &out)
        PlainTextRules.check(email.plainText, kind: email.kind, options: options, into: &out)
        let htmlBytes = email.html.utf8.count
        if var scan = scan(email.html, bytes: htmlBytes, into: &out) {
            out.add(contentsOf: scan.textFindings)
            for index in scan.links.indices {
                scan.links[index].isUnsubscribe = LinkRules.isUnsubscribe(scan.links[index], options: options)
            }
            DocumentRules.check(scan, htmlBytes: htmlBytes, kind: email.kind, options: options, into: &out)
            LinkRules.check(scan.links, plan: plan, options: options, into: &out)
            ImageRules.check(scan.images, assets: assets, options: options, into: &out)
            CSSRules.check(scan, options: options, into: &out)
        }
        return QAReport(findings: out.result)
    }

    /// Parses and scans `html`, or reports why it cannot be checked.
    private func scan(_ html: String, bytes: Int, into out: inout FindingCollector) -> HTMLScan? {
        let at = Location(line: 1, column: 1, path: "html")
        guard bytes <= options.maxParsedBytes else {
            out.add(
                Finding(
                    .contentUnparsable, at: at,
                    "The HTML is \(bytes / 1_048_576) MB, far too large for an email, and was not checked further.",
                    fix: "Check that the right file was uploaded; emails should stay under 100 KB."))
            return nil
        }
        var copy = html
        let scan = copy.withUTF8 { utf8 in
            utf8.contains(UInt8(ascii: "<")) ? HTMLScanner.scan(UnsafeRawBufferPointer(utf8), options: options) : nil
        }
        guard let scan else {
            out.add(
                Finding(
                    .contentUnparsable, at: at, "The email body is empty or is not HTML.",
                    fix: "Upload the email's HTML file."))
            return nil
        }
        if scan.stoppedEarly {
            out.add(
                Finding(
                    .contentUnparsable, at: at,
                    "The HTML nests elements too deeply to read to the end; only the first part was checked.",
                    fix: "Close open tags; email layouts rarely need more than 30 levels of nesting."))
        }
        return scan
    }
}
