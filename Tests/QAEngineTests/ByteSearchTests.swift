@testable import QAEngine
import Foundation
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

    @Test(arguments: [
        "footer: 221 Baker Street", "Street address up front, then a long body " + String(repeating: "x ", count: 500),
        "no address here", "st", "s", "", "STRASSE 5", "straße",
    ])
    func wordSetAnswersAsAForwardSearch(_ text: String) {
        // The set scans from the end; the answer must be the one a plain search for any word gives.
        let list = ["street", " st.", "strasse", "straße", "avenue"]
        let expected = list.contains { text.lowercased().contains($0) }
        #expect(ASCIIWordSet(list).occurs(in: text.utf8) == expected)
    }

    @Test(arguments: ["utm_source", "UTM_Source", "Spring-26", "caf\u{C9}", "\u{212A}elvin", "", "stra\u{DF}e", "ÉTÉ"])
    func lowerCasingMatchesFoundation(_ text: String) {
        #expect(ASCIISearch.lowercased(text) == text.lowercased())
        #expect(ASCIISearch.isLowercase(text) == (text == text.lowercased()))
    }

    @Test func startTagAttributesAreMatchedIgnoringCase() {
        let pairs: [(String, String?)] = [
            ("role", "presentation"), ("HREF", "https://x.com"), ("alt", nil), ("stylex", "a"), ("style", "color:red"),
        ]
        let strings = pairs.flatMap { [$0.0, $0.1] }.map { $0.map { strdup($0)! } }
        defer { strings.forEach { free($0) } }
        var attributes = strings.map { $0.map { UnsafePointer(UnsafeMutableRawPointer($0).assumingMemoryBound(to: UInt8.self)) } }
        attributes.append(nil)
        let found = attributes.withUnsafeMutableBufferPointer { buffer in
            let tag = StartTagAttributes(pairs: buffer.baseAddress)
            return [tag.value("href"), tag.value("alt"), tag.value("style"), tag.value("width")]
        }
        #expect(found == ["https://x.com", "", "color:red", nil])
        #expect(StartTagAttributes(pairs: nil).value("style") == nil)
    }

    @Test func urlQueryKeepsOrderRepeatsAndDecodes() {
        let items = URLQuery("https://x.com/p?utm_source=News+letter&&a=%41%2&a&=v&k=#frag=1").items
        #expect(items.map(\.key) == ["utm_source", "a", "a", "", "k"])
        #expect(items.map(\.value) == ["News letter", "A%2", "", "v", ""])
        #expect(URLQuery("https://x.com/p").items.isEmpty && URLQuery("https://x.com/?#a=b").items.isEmpty)
    }

    @Test func byteWordFindsEveryByteAtEveryPlace() {
        for place in 0..<8 {
            for byte in [UInt8(0), 37, 42, 91, 123, 0x80, 0xFF] {
                var bytes = [UInt8](repeating: byte == 0x61 ? 0x62 : 0x61, count: 8)
                bytes[place] = byte
                let word = bytes.withUnsafeBufferPointer { ByteWord.load($0.baseAddress!) }
                #expect(ByteWord.contains(word, byte))
                #expect(!ByteWord.contains(word, byte ^ 1) || bytes.contains(byte ^ 1))
            }
        }
    }

    @Test func mergeTagsAreFoundAtEveryOffsetOfAWord() {
        for offset in 0..<20 {
            let text = String(repeating: "a", count: offset) + "{{first_name}} and *|LNAME|*" + String(repeating: "b", count: offset)
            #expect(MergeTagScanner.tags(in: text) == ["{{first_name}}", "*|LNAME|*"])
        }
    }
}
