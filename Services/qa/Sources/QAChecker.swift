import Contracts
import Domain
import Foundation
import QAEngine

/// Runs the QA engine on one campaign's document versions: every HTML document as an email (its `<title>` as
/// the subject line), every image document through the asset inspector, images matched to `<img src>` by
/// document id or file name. Pure: the same versions and contents give the same report.
public struct QAChecker: Sendable {
    public var engine: QAEngine

    public init(engine: QAEngine = QAEngine()) {
        self.engine = engine
    }

    /// The report on `documents`; `content` gives each version's media type and bytes (nil when unknown).
    public func report(
        campaign: CampaignID, documents: [DocumentVersion], worker: String,
        content: (ContentHash) throws -> (mediaType: String, bytes: Data)?
    ) rethrows -> QAReportReady {
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
                    bytes: bytes, name: version.document.rawValue, spec: engine.options.emailSpec)
                if let info = inspected.info { assets[version.document.rawValue] = info }
                findings += inspected.findings.map { Self.finding($0, in: version.document) }
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
