@testable import QAEngine
import Testing

@Suite struct ScannerTests {
    @Test(arguments: [
        ("Hi {{ first_name }}!", ["{{ first_name }}"]),
        ("*|FNAME|* and %%last_name%% and [[city]]", ["*|FNAME|*", "%%last_name%%", "[[city]]"]),
        ("50%% off and 20%% more", []),
        ("{{}} and {{\nname}}", []),
        ("plain text", []),
    ])
    func mergeTags(_ text: String, _ expected: [String]) {
        #expect(MergeTagScanner.tags(in: text) == expected)
    }

    @Test(arguments: [
        ("Lorem Ipsum dolor", "lorem ipsum"), ("TODO: copy", "TODO"), ("Price TBD.", "TBD"), ("todo list", nil),
        ("TODOS", nil), ("final copy", nil),
    ])
    func placeholders(_ text: String, _ expected: String?) {
        #expect(PlaceholderTextScanner.firstPlaceholder(in: text) == expected)
    }

    @Test func cssScannerFindsDeclarationsAndAtRulesButNotSelectors() {
        var css = Array("""
            /* head */ a:hover { color: red; display : flex }
            @media (max-width: 600px) { .x { background: url("a;b.png") } }
            @import url(x.css);
            """.utf8)
        var seen: [String] = []
        css.withUnsafeMutableBufferPointer { buffer in
            CSSScanner.scan(UnsafeBufferPointer(buffer)) { event in
                switch event {
                case let .declaration(property, value):
                    seen.append(String(decoding: property, as: UTF8.self) + "=" + String(decoding: value, as: UTF8.self))
                case let .atRule(name, prelude):
                    seen.append("@" + String(decoding: name, as: UTF8.self) + " " + String(decoding: prelude, as: UTF8.self))
                }
            }
        }
        #expect(seen == ["color=red", "display=flex", "@media (max-width: 600px)", #"background=url("a;b.png")"#, "@import url(x.css)"])
    }

    @Test(arguments: [
        ("ann@example.com", true), ("ann.lee+news@mail.co.uk", true), ("o'brien@shop.ie", true), ("ann@localhost", false),
        ("ann@@example.com", false), (".ann@example.com", false), ("ann..lee@example.com", false), ("ann@-x.com", false),
        ("ann@example.c", false), ("", false), ("ann example@x.com", false), ("jörg@müller.de", true),
    ])
    func emailSyntax(_ address: String, _ valid: Bool) {
        #expect(EmailAddressSyntax.isValid(address) == valid)
    }
}
