import QAEngine
import Testing

@Suite struct LocationTests {
    @Test func findingPointsAtTheStartTagAndItsPath() {
        let html = "<html lang=\"en\">\n<body>\n<table><tr><td>x</td></tr></table>\n<table>\n  <tr><td><a href=\"#\">Shop</a></td></tr>\n</table>\n</body></html>"
        let finding = QAEngine().check(email: Sample.email(html)).findings.first { $0.rule == .linkHashHref }
        #expect(finding?.location == Location(line: 5, column: 11, path: "html>body>table[2]>tr>td>a"))
    }

    @Test func multiLineStartTagIsPlacedAtItsOpeningBracket() {
        let html = "<html lang=\"en\"><body>\n  <p>Text</p>\n    <img\n      src=\"x.png\">\n</body></html>"
        let finding = QAEngine().check(email: Sample.email(html)).findings.first { $0.rule == .imageRelativeURL }
        #expect(finding?.location == Location(line: 3, column: 5, path: "html>body>img"))
    }
}
