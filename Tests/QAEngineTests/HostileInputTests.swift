import Foundation
import QAEngine
import Testing

@Suite struct HostileInputTests {
    @Test func truncatedHTMLStillGetsAReport() throws {
        let html = try #require(FixtureCase.all.first { $0.file == "newsletter-good.html" }).email.html
        for cut in stride(from: 0, to: html.utf8.count, by: 97) {
            let prefix = String(decoding: html.utf8.prefix(cut), as: UTF8.self)
            _ = QAEngine().check(email: Sample.email(prefix))
        }
    }

    @Test func fiftyMegabyteHTMLIsCheckedWithoutCrashing() {
        let paragraph = "<p>" + String(repeating: "Spring jackets, walking shoes and bags for the season. ", count: 18)
            + "<a href=\"#\">shop</a>.</p>\n"
        let html = "<html lang=\"en\"><body>" + String(repeating: paragraph, count: 50_000_000 / paragraph.utf8.count) + "</body></html>"
        let report = QAEngine().check(email: Sample.email(html))
        #expect(report.rules.contains(.contentGmailClipping))
        #expect(report.findings.count { $0.rule == .linkHashHref } == QAOptions.standard.findingsPerRule + 1)
    }

    @Test func hundredThousandNestedTagsDoNotOverflowTheStack() {
        let depth = 100_000
        let html = "<html><body>" + String(repeating: "<div><span>", count: depth) + "<a href=\"#\">deep</a>"
            + String(repeating: "</span></div>", count: depth) + "</body></html>"
        let report = QAEngine().check(email: Sample.email(html))
        #expect(report.rules.contains(.contentUnparsable))
        let shallow = "<html><body>" + String(repeating: "<div>", count: 100) + "<a href=\"#\">x</a></body></html>"
        let path = QAEngine().check(email: Sample.email(shallow)).findings.first { $0.rule == .linkHashHref }?.location?.path
        #expect(path?.hasPrefix("…>div>") == true)
    }

    @Test func binaryGarbageIsReportedNotCrashedOn() {
        var generator = SplitMix(seed: 7)
        for _ in 0..<200 {
            let bytes = (0..<Int(generator.next() % 4096)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = QAEngine().check(email: Sample.email(String(decoding: bytes, as: UTF8.self)))
        }
        let report = QAEngine().check(email: Sample.email("\u{0}\u{1}\u{FFFD}\u{7F}"))
        #expect(report.rules.contains(.contentUnparsable))
    }

    @Test func overlongHTMLIsNotParsed() {
        var options = QAOptions()
        options.maxParsedBytes = 1000
        let report = QAEngine(options: options).check(email: Sample.email(String(repeating: "<p>x</p>", count: 200)))
        #expect(report.rules.contains(.contentUnparsable))
    }

    @Test func declaredLatin1CharsetDoesNotGarbleUTF8() {
        let html = Sample.html(
            body: "<p>Grüße {{name}}</p>",
            head: #"<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">"#)
        let finding = QAEngine().check(email: Sample.email(html)).findings.first { $0.rule == .contentMergeTag }
        #expect(finding?.message.contains("{{name}}") == true)
    }
}

/// A small deterministic random generator for fuzz-style tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
