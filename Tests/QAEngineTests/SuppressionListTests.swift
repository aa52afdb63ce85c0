import Foundation
@testable import QAEngine
import Testing

@Suite struct SuppressionListTests {
    /// Addresses and problems (as `!line N: why`) read from `bytes` fed in chunks of `chunk` bytes.
    private func read(_ bytes: [UInt8], chunk: Int) throws -> [String] {
        var reader = SuppressionListReader()
        var out: [String] = []
        let emit = { (item: SuppressionListReader.Item) in
            switch item {
            case let .address(text): out.append(text)
            case let .problem(problem): out.append("!\(problem)")
            }
        }
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            try Array(bytes[start..<min(start + chunk, bytes.count)]).withUnsafeBufferPointer { try reader.feed($0, emit) }
        }
        try reader.finish(emit)
        return out
    }

    private func read(_ text: String, chunk: Int = 65_536) throws -> [String] { try read(Array(text.utf8), chunk: chunk) }

    @Test(arguments: [1, 2, 3, 7, 4096])
    func plainListSkipsBlankLinesAndComments(_ chunk: Int) throws {
        let list = "\u{FEFF}# unsubscribed, exported 2026-03 \"from the ESP\n\r\nAnn@Brightline-Goods.com\r\n"
            + "  bob@example.org\t\n   # indented comment\rcarl@example.org"
        #expect(try read(list, chunk: chunk) == ["Ann@Brightline-Goods.com", "bob@example.org", "carl@example.org"])
    }

    @Test(arguments: [1, 2, 3, 7, 4096])
    func csvExportIsReadByItsEmailColumn(_ chunk: Int) throws {
        let export = "# exported from the ESP\r\nStatus, Email Address ,Name\r\nunsubscribed,ann@brightline-goods.com,\"Lee, Ann\"\r\n"
            + "bounced,\"bob@example.org\",\"Bob \"\"B\"\" Jones\"\nspam,carl@example.org,Carl"
        #expect(try read(export, chunk: chunk) == ["ann@brightline-goods.com", "bob@example.org", "carl@example.org"])
    }

    @Test func aLoneEmailHeaderMakesAOneColumnExport() throws {
        #expect(try read("EMAIL\nann@brightline-goods.com\n") == ["ann@brightline-goods.com"])
        #expect(try read("email\r\n") == [])
    }

    @Test func brokenLinesAreReportedAndSkipped() throws {
        let plain = Array("ann(at)brightline-goods.com\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 70_000)
            + Array("\nj".utf8) + [0xF6] + Array("rg@example.org\nok@example.org\n".utf8)
        #expect(try read(plain, chunk: 4096) == [
            "!line 1: \"ann(at)brightline-goods.com\" is not an email address",
            "!line 2: the line is longer than 65536 bytes", "!line 3: the address is not UTF-8", "ok@example.org",
        ])
        let export = "name,email\nAnn,ann@brightline-goods.com\nBob\nCarl,\nDora,\"dora@example.org\" x\n\"Eve,eve@example.org\n"
        #expect(try read(export) == [
            "ann@brightline-goods.com", "!line 3: the row has 1 fields and no email field",
            "!line 4: the email field is empty", "!line 5: the row is damaged (text after a closing quote)",
            "!line 6: the row is damaged (a quoted field is never closed)",
        ])
    }

    @Test func aCSVHeaderWithoutAnEmailColumnIsUnusable() {
        #expect(throws: SuppressionList.Unusable.self) { try read("id,address\n1,ann@brightline-goods.com\n") }
        #expect(throws: SuppressionList.Unusable.self) { try read("ann@brightline-goods.com, bob@example.org\n") }
    }

    @Test func readsFilesAndData() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("suppression-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("unsubscribed.txt")
        var list = "# 200,000 unsubscribed\n"
        for index in 0..<200_000 { list += "person\(index)@brightline-goods.com\n" }
        list += "broken\n"
        try Data(list.utf8).write(to: file)
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var count = 0
        var problems: [SuppressionList.Problem] = []
        try SuppressionList.read(handle) { _ in count += 1 } problem: { problems.append($0) }
        #expect(count == 200_000)
        #expect(problems == [.init(line: 200_002, reason: "\"broken\" is not an email address")])
        var addresses: [String] = []
        try SuppressionList.read(Data("email\nann@brightline-goods.com\n".utf8)) { addresses.append($0) } problem: { _ in }
        #expect(addresses == ["ann@brightline-goods.com"])
    }

    @Test func randomBytesNeverCrash() throws {
        var generator = SplitMix(seed: 11)
        let alphabet = Array("email,#\"\r\n ab@.x\u{E9}".utf8) + [0xFF, 0x00]
        for _ in 0..<300 {
            let bytes = (0..<Int(generator.next() % 600)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            do {
                _ = try read(bytes, chunk: Int(generator.next() % 64) + 1)
            } catch is SuppressionList.Unusable {}
        }
    }
}
