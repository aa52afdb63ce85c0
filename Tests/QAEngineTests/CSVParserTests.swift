@testable import QAEngine
import Testing

@Suite struct CSVParserTests {
    private func records(_ csv: [UInt8], chunk: Int) -> [[String]] {
        var parser = CSVParser()
        var out: [[String]] = []
        let emit = { (record: CSVParser.Record) in
            out.append(record.fields.strings + (record.problem.map { ["!" + $0] } ?? []))
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

    @Test(arguments: [1, 2, 5, 64, 4096])
    func inPlaceAndCopiedRecordsAgree(_ chunk: Int) {
        // Simple rows are handed out in place; quoted rows, rows split across chunks and CR/CRLF endings are
        // copied. Every chunk size must give the same records.
        let csv = Array("h1,h2\r\nplain,row\n\"quoted, with comma\",\"say \"\"hi\"\"\"\r\n\nx,\"two\nlines\"\rlast,\n".utf8)
        #expect(records(csv, chunk: chunk) == [
            ["h1", "h2"], ["plain", "row"], ["quoted, with comma", "say \"hi\""], ["x", "two\nlines"], ["last", ""],
        ])
    }

    @Test func recordsKeepTheirStartingLine() {
        var parser = CSVParser()
        var lines: [Int] = []
        let emit = { (record: CSVParser.Record) in lines.append(record.line) }
        Array("a\r\n\"b\nc\"\nd\n\ne\rf".utf8).withUnsafeBytes { parser.feed($0, emit) }
        parser.finish(emit)
        #expect(lines == [1, 2, 4, 6, 7])
    }

    @Test func byteOrderMarkAndInvalidUTF8PassThroughAsBytes() {
        let csv: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("email\nj".utf8) + [0xF6, 0xFF] + Array("rg\n".utf8)
        var parser = CSVParser()
        var fields: [[UInt8]] = []
        csv.withUnsafeBytes { bytes in parser.feed(bytes) { record in fields.append(Array(record.fields[0])) } }
        #expect(fields == [[0xEF, 0xBB, 0xBF] + Array("email".utf8), [0x6A, 0xF6, 0xFF, 0x72, 0x67]])
    }

    @Test func tooManyFieldsAreCappedAndReported() {
        var parser = CSVParser(maxFields: 3)
        var counts: [Int] = []
        var problems: [String?] = []
        Array("a,b,c,d,e\nx,y,z\n".utf8).withUnsafeBytes { bytes in
            parser.feed(bytes) { counts.append($0.fields.count); problems.append($0.problem) }
        }
        #expect(counts == [3, 3] && problems == ["more than 3 fields", nil])
    }

    @Test func veryLongLinesStayWithinTheFieldCap() {
        var parser = CSVParser(maxFieldBytes: 1_000)
        var sizes: [Int] = []
        var problems: [String?] = []
        let csv = Array((String(repeating: "x", count: 200_000) + ",y\nshort,z\n").utf8)
        for start in stride(from: 0, to: csv.count, by: 65_536) {
            csv[start..<min(start + 65_536, csv.count)].withUnsafeBytes { bytes in
                parser.feed(bytes) { sizes.append($0.fields[0].count); problems.append($0.problem) }
            }
        }
        #expect(sizes == [1_000, 5] && problems == ["a field longer than 1000 bytes", nil])
    }

    @Test func longFieldsAreCappedAndReported() {
        var parser = CSVParser(maxFieldBytes: 8)
        var fields: [String] = []
        var problem: String?
        Array("0123456789abc,x\n".utf8).withUnsafeBytes { bytes in
            parser.feed(bytes) { fields = $0.fields.strings; problem = $0.problem }
        }
        #expect(fields == ["01234567", "x"] && problem == "a field longer than 8 bytes")
    }
}
