import Domain
import Foundation
import QAEngine

/// How `marquee qa check` prints a result: text (coloured on a terminal), JSON, or a standalone HTML page.
extension QACheck {
    static func renderJSON(_ result: Result) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(result)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func renderText(_ result: Result, colour: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        func tag(_ severity: Severity) -> String {
            switch severity {
            case .error: paint("error  ", "1;31")
            case .warning: paint("warning", "33")
            case .info: paint("info   ", "36")
            }
        }
        var out = ""
        func section(_ title: String, _ findings: [Finding]) {
            out += paint(title, "1") + "\n"
            list(findings)
        }
        func list(_ findings: [Finding]) {
            if findings.isEmpty { out += "  " + paint("no findings", "32") + "\n" }
            for finding in findings {
                let place = finding.location.map { location in
                    [location.line.map { "\($0)" + (location.column.map { ":\($0)" } ?? "") }, location.path]
                        .compactMap { $0 }.joined(separator: " ")
                } ?? ""
                out += "  \(tag(finding.severity)) \(paint(finding.rule.rawValue, "2"))\(place.isEmpty ? "" : "  " + place)\n"
                out += "           \(finding.message)\n"
                out += "           " + paint("fix: ", "2") + finding.fix + "\n"
            }
        }
        if let email = result.email { section(result.title, email.findings) }
        for asset in result.assets { section("asset \(asset.name)", asset.findings) }
        if let audience = result.audience {
            out += paint("audience (\(audience.rows) rows, \(audience.kept) kept, \(audience.dropped) dropped)", "1") + "\n"
            for (rule, count) in audience.counts.sorted(by: { $0.key < $1.key }) {
                out += "  \(rule.padding(toLength: max(rule.count, 28), withPad: " ", startingAt: 0)) \(count)\n"
            }
            for suppression in result.suppressions {
                let (addresses, skipped) = (suppression.addresses, suppression.skippedLines)
                out += "  \(suppression.reason.rawValue) list \(suppression.file): \(addresses) address\(addresses == 1 ? "" : "es")"
                    + (skipped == 0
                        ? "" : ", \(skipped) line\(skipped == 1 ? "" : "s") skipped (\(suppression.skipped.joined(separator: "; ")))")
                    + "\n"
            }
            if let cleaned = result.cleaned { out += "  cleaned list: \(cleaned) (\(audience.kept) rows)\n" }
            list(audience.findings)
        }
        let all = (result.email?.findings ?? []) + result.assets.flatMap(\.findings) + (result.audience?.findings ?? [])
        let counts = "\(all.count { $0.severity == .error }) errors, \(all.count { $0.severity == .warning }) warnings, "
            + "\(all.count { $0.severity == .info }) infos"
        out += result.verdict == .passed
            ? paint("PASSED", "1;32") + " — \(counts)\n" : paint("FAILED", "1;31") + " — \(counts)\n"
        return out
    }

    static func renderHTML(_ result: Result) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var rows = ""
        func section(_ title: String, _ findings: [Finding]) {
            rows += "<tr><th colspan=\"4\">\(escape(title))</th></tr>\n"
            if findings.isEmpty { rows += "<tr><td colspan=\"4\" class=\"ok\">no findings</td></tr>\n" }
            for finding in findings {
                let place = finding.location.map { location in
                    [location.line.map { "line \($0)" }, location.path].compactMap { $0 }.joined(separator: " ")
                } ?? ""
                rows += "<tr class=\"\(finding.severity.rawValue)\"><td>\(finding.severity.rawValue)</td>"
                    + "<td><code>\(finding.rule.rawValue)</code></td><td>\(escape(place))</td>"
                    + "<td>\(escape(finding.message))<br><small>Fix: \(escape(finding.fix))</small></td></tr>\n"
            }
        }
        if let email = result.email { section(result.title, email.findings) }
        for asset in result.assets { section("asset \(asset.name)", asset.findings) }
        if let audience = result.audience {
            let counts = audience.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            section(
                "audience list (\(audience.rows) rows, \(audience.kept) kept, \(audience.dropped) dropped"
                    + (counts.isEmpty ? ")" : "; \(counts.joined(separator: ", ")))"), audience.findings)
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>QA report: \(escape(result.title))</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}
            td,th{border-bottom:1px solid #ddd;padding:6px;text-align:left;vertical-align:top}
            tr.error td:first-child{color:#b00020;font-weight:bold}tr.warning td:first-child{color:#a66300}
            tr.info td:first-child{color:#06c}.ok{color:#080}.passed{color:#080}.failed{color:#b00020}</style></head>
            <body><h1>QA report: \(escape(result.title))</h1>
            <p class="\(result.verdict.rawValue)"><strong>\(result.verdict.rawValue.uppercased())</strong> — \(result.errors) errors</p>
            <table>
            \(rows)</table>
            </body></html>

            """
    }
}
