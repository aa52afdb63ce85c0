import Contracts
import Domain
import Foundation
import QAEngine

/// Runs the QA engine on one campaign's document versions: every HTML document as an email (its `<title>` as
/// the subject line), every image document through the asset inspector against the ``channelSpecs`` of the
/// channels the campaign runs on (email when they are unknown), images matched to `<img src>` by document id or
/// file name, and every CSV document (`text/csv`, `application/csv`, or `text/plain` named `*.csv`) as an
/// audience list under ``audiencePolicy``, its sample findings followed by one `audience.summary` info with the
/// counts. Pure: the same versions, channels and contents give the same report.
public struct QAChecker: Sendable {
    /// The rule id of the info finding that sums up an audience list's counts.
    public static let audienceSummaryRule = "audience.summary"

    public var engine: QAEngine
    /// The rules audience lists are checked against, suppression lists included.
    public var audiencePolicy: AudiencePolicy
    /// What each channel accepts (the rules' `channel_specs`); image documents are checked against these.
    public var channelSpecs: [Channel: ChannelSpec]

    /// A checker; the email spec of `channelSpecs` replaces `engine`'s, so images shown in an email and image
    /// documents are held to the same limits.
    public init(
        engine: QAEngine = QAEngine(), audiencePolicy: AudiencePolicy = AudiencePolicy(),
        channelSpecs: [Channel: ChannelSpec] = Rules.builtIn.channelSpecs
    ) {
        self.engine = engine
        self.engine.options.emailSpec = channelSpecs[.email]
        self.audiencePolicy = audiencePolicy
        self.channelSpecs = channelSpecs
    }

    /// The report on `documents` of a campaign running on `channels` (empty when unknown: checked as email);
    /// `content` gives each version's media type and bytes (nil when unknown).
    public func report(
        campaign: CampaignID, channels: [Channel] = [], documents: [DocumentVersion], worker: String,
        content: (ContentHash) throws -> (mediaType: String, bytes: Data)?
    ) rethrows -> QAReportReady {
        let imageChannels = channels.isEmpty ? [Channel.email] : channels
        var findings: [QAReportReady.Finding] = []
        var emails: [(DocumentVersion, String)] = []
        var assets: [String: ImageInfo] = [:]
        for version in documents.sorted(by: { $0.document < $1.document }) {
            guard let (mediaType, bytes) = try content(version.contentHash) else {
                findings.append(
                    QAReportReady.Finding(
                        document: version.document, rule: RuleID.contentUnparsable.rawValue, severity: "error",
                        message: "Version \(version.version) of \(version.document) was never handed in to QA, so it was not checked.",
                        fix: "Submit the document again."))
                continue
            }
            let type = mediaType.lowercased()
            if type.hasPrefix("text/html") {
                emails.append((version, String(decoding: bytes, as: UTF8.self)))
            } else if type.hasPrefix("image/") {
                let inspected = AssetInspector.inspect(
                    bytes: bytes, name: version.document.rawValue, channels: imageChannels, specs: channelSpecs)
                if let info = inspected.info { assets[version.document.rawValue] = info }
                findings += inspected.findings.map { Self.finding($0, in: version.document) }
            } else if Self.isAudienceList(type, document: version.document) {
                findings += audienceFindings(bytes, in: version.document)
            }
        }
        for (version, html) in emails {
            let email = EmailDocument(html: html, subject: Self.title(in: html))
            let report = engine.check(email: email, assets: assets)
            findings += report.findings.map { Self.finding($0, in: version.document) }
        }
        let order: [String: Int] = ["error": 0, "warning": 1, "info": 2]
        let sorted = findings.enumerated().sorted { lhs, rhs in
            let left = order[lhs.element.severity, default: 3]
            let right = order[rhs.element.severity, default: 3]
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
        return QAReportReady(
            campaignID: campaign, documents: documents.sorted { $0.document < $1.document }, findings: sorted,
            worker: worker)
    }

    /// True for the media types an audience list arrives as (uploads keep the bare, lower-cased type).
    static func isAudienceList(_ mediaType: String, document: DocumentID) -> Bool {
        mediaType.hasPrefix("text/csv") || mediaType.hasPrefix("application/csv")
            || (mediaType.hasPrefix("text/plain") && document.rawValue.lowercased().hasSuffix(".csv"))
    }

    /// The audience list's sample findings and the summary of its counts.
    func audienceFindings(_ bytes: Data, in document: DocumentID) -> [QAReportReady.Finding] {
        let report: AudienceReport
        do {
            report = try AudienceChecker(policy: audiencePolicy).check(bytes)
        } catch {
            return [
                QAReportReady.Finding(
                    document: document, rule: RuleID.contentUnparsable.rawValue, severity: "error",
                    message: "\(document) could not be checked as an audience list: \(error).",
                    fix: "Export the list again as CSV UTF-8 and submit it.")
            ]
        }
        let counts = RuleID.allCases.compactMap { rule in
            report.counts[rule.rawValue].map { "\(rule.rawValue.dropFirst("audience.".count)) \(Self.grouped($0))" }
        }
        let summary = QAReportReady.Finding(
            document: document, rule: Self.audienceSummaryRule, severity: Severity.info.rawValue,
            message: "Audience list: \(Self.grouped(report.rows)) rows, \(Self.grouped(report.kept)) kept, "
                + "\(Self.grouped(report.dropped)) dropped" + (counts.isEmpty ? "." : " (\(counts.joined(separator: ", ")))."),
            fix: "Nothing to do if the counts look right; send to the kept rows only "
                + "(marquee qa check --audience LIST --cleaned OUT.csv writes them).")
        return report.findings.map { Self.finding($0, in: document) } + [summary]
    }

    /// A count as `12,000`, the same on every machine.
    static func grouped(_ count: Int) -> String {
        var digits = String(count)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        return ([digits] + groups).joined(separator: ",")
    }

    static func finding(_ finding: Finding, in document: DocumentID) -> QAReportReady.Finding {
        QAReportReady.Finding(
            document: document, rule: finding.rule.rawValue, severity: finding.severity.rawValue,
            message: finding.message, fix: finding.fix, line: finding.location?.line, column: finding.location?.column,
            path: finding.location?.path)
    }

    /// The `<title>` text, standing in for the subject line the document does not carry.
    static func title(in html: String) -> String? {
        guard let open = html.range(of: "<title", options: .caseInsensitive),
            let start = html[open.upperBound...].firstIndex(of: ">"),
            let close = html[start...].range(of: "</title", options: .caseInsensitive)
        else { return nil }
        let text = html[html.index(after: start)..<close.lowerBound].split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
        return text.isEmpty ? nil : text
    }
}
