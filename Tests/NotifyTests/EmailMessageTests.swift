import Foundation
import Testing

@testable import NotifyService

@Suite struct EmailMessageTests {
    let message = EmailMessage(
        from: "Marquee <marquee@example.com>", to: "sam@example.com", subject: "[Marquee] Assigned to you: Spring",
        body: "Hello Sam,\n.hidden line\n..two dots\nOpen: https://x/campaigns/cmp-1\n",
        date: at("2026-11-24T09:00:00Z"), messageID: "abc@marquee-notify")

    @Test func headersAreThereWithCRLF() {
        let text = message.rendered()
        #expect(text.hasPrefix(
            "Date: Tue, 24 Nov 2026 09:00:00 +0000\r\nMessage-ID: <abc@marquee-notify>\r\nFrom: Marquee <marquee@example.com>\r\n"
                + "To: sam@example.com\r\nSubject: [Marquee] Assigned to you: Spring\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\nHello Sam,\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(message.envelopeFrom == "marquee@example.com")
    }

    @Test func dataIsDotStuffedAndTerminated() {
        let data = EmailMessage.dotStuffed(message.rendered())
        #expect(data.contains("\r\n..hidden line\r\n...two dots\r\n"))
        #expect(data.hasSuffix("Open: https://x/campaigns/cmp-1\r\n\r\n.\r\n"))
    }

    @Test func asciiSubjectStaysPlain() {
        #expect(EmailMessage.encodedWord("QA failed: Spring") == "QA failed: Spring")
    }

    @Test func nonASCIISubjectIsRFC2047EncodedInShortWords() throws {
        let subject = "[Marquee] Freigabe nötig: Frühjahrskampagne für Größen – Ümlaute überall, noch länger als eine Zeile"
        let encoded = EmailMessage.encodedWord(subject)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        var decoded = ""
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let base64 = String(word.dropFirst(10).dropLast(2))
            decoded += String(decoding: try #require(Data(base64Encoded: base64)), as: UTF8.self)
        }
        #expect(decoded == subject)
    }

    @Test func nonASCIIBodyIsDeclared8bit() {
        var umlaut = message
        umlaut.body = "Grüße\n"
        #expect(umlaut.rendered().contains("Content-Transfer-Encoding: 8bit\r\n"))
    }
}
