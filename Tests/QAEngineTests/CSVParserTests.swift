@testable import QAEngine
import Testing

@Suite struct CSVParserTests {
    private func records(_ csv: [UInt8], chunk: Int) -> [[String]] {
        var parser = CSVParser()
        var out: [[String]] = []
        let emit = { (record: CSVParser.Record) in
            out.append(record.fields.map { String(decoding: $0, as: UTF8.self) } + (record.problem.map { ["!" + $0] } ?? []))
        }
        for start in stride(from: 0, to: csv.count, by: chunk) {
            csv[start..<min(start + chunk, csv.count)].withUnsafeBytes { parser.feed($0, emit) }
        }
        parser.finish(emit)
        return out
    }

    @Test(arguments: [1, 2, 3, 7, 1024])
    func chunkBoundariesDoNotChangeRecords(_ chunk: Int) {
        let csv = Array("a,\"b,\"\"c\"\"\"\r\n\"multi\r\nline\",x\rlast,\"\"\nno-newline".utf8)
        #expect(records(csv, chunk: chunk) == [["a", "b,\"c\""], ["multi\r\nline", "x"], ["last", ""], ["no-newline"]])
    }

    @Test(arguments: [
        ("a\"b,c\n", [["a\"b", "c", "!a quote inside an unquoted field"]]),
        ("\"a\"b,c\n", [["ab", "c", "!text after a closing quote"]]),
        ("\"open,c\n", [["open,c\n", "!a quoted field is never closed"]]),
        ("\n\n", []),
    ])
    func brokenQuotingIsReported(_ csv: String, _ expected: [[String]]) {
        #expect(records(Array(csv.utf8), chunk: 4) == expected)
    }

    @Test func longFieldsAreCappedAndReported() {
        var parser = CSVParser(maxFieldBytes: 8)
        var fields: [[UInt8]] = []
        var problem: String?
        Array("0123456789abc,x\n".utf8).withUnsafeBytes { bytes in
            parser.feed(bytes) { fields = $0.fields; problem = $0.problem }
        }
        #expect(fields.first?.count == 8 && problem != nil)
    }
}
