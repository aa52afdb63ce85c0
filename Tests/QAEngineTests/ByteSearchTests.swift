@testable import QAEngine
import Testing

@Suite struct ByteSearchTests {
    @Test func byteStringSetNumbersMembersAndGrows() {
        var set = ByteStringSet(capacity: 2)
        let keys = (0..<50_000).map { "member\($0)@example.org" } + [""]
        for (index, var key) in keys.enumerated() {
            #expect(key.withUTF8 { set.insert($0) } == (index, true))
        }
        for (index, var key) in keys.enumerated() {
            #expect(key.withUTF8 { set.index(of: $0) } == index)
            #expect(key.withUTF8 { set.insert($0) } == (index, false))
        }
        var absent = "member50000@example.org"
        #expect(absent.withUTF8 { set.index(of: $0) } == nil && set.count == keys.count)
    }

    @Test(arguments: [
        ("Please UNSUBSCRIBE here", true), ("opt out", true), ("https://x.com/Preferences?u=1", true),
        ("désinscrire", true), ("unsu", false), ("option", false), ("", false),
    ])
    func wordSetFindsWordsIgnoringCase(_ text: String, _ found: Bool) {
        let words = ASCIIWordSet(["unsubscribe", "opt out", "preferences", "désinscri"])
        #expect(words.occurs(in: text.utf8) == found)
    }

    @Test(arguments: [
        ("MailTo:ann@x.com", "mailto:", true), ("mail", "mailto:", false), ("javascript:x", "mailto:", false),
        ("TEL:\u{301}123", "tel:", false), ("\u{212A}ELVIN:", "kelvin:", true), ("tel:é", "tel:", true),
    ])
    func lowerCasedPrefixMatchesFoundation(_ text: String, _ prefix: StaticString, _ expected: Bool) {
        #expect(ASCIISearch.lowercased(text, hasPrefix: prefix) == expected)
        #expect(text.lowercased().hasPrefix(prefix.description) == expected)
    }

    @Test(arguments: [
        ("shop.example.com", ".example.com", true), ("example.com", ".example.com", false),
        ("a\r\n", "\n", false), ("caf\u{E9}.example.com", ".example.com", true), ("x.e\u{301}", "e", false),
    ])
    func suffixMatchesFoundation(_ text: String, _ suffix: String, _ expected: Bool) {
        #expect(ASCIISearch.hasSuffix(text, suffix) == expected && text.hasSuffix(suffix) == expected)
    }

    @Test(arguments: [
        ("  Yes\t", FieldText.Trim.whitespaces, "yes"), ("\u{A0}Oui\u{A0}", .whitespaces, "oui"),
        ("\u{2028}ÄB ", .whitespacesAndNewlines, "äb"), ("\nyes", .whitespaces, "\nyes"),
    ])
    func fieldTextTrimsAndLowerCasesAsFoundation(_ text: String, _ trim: FieldText.Trim, _ expected: String) {
        var out: [UInt8] = []
        var text = text
        text.withUTF8 { FieldText.normalize($0, trimming: trim, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }
}
