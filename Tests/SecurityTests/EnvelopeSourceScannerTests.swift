import Testing

@testable import Broker

@Suite struct EnvelopeSourceScannerTests {
    private func scan(_ json: String) -> (finding: EnvelopeSourceScanner.Finding, source: String?) {
        let bytes = Array(json.utf8)
        return bytes.withUnsafeBytes { buffer in
            let finding = EnvelopeSourceScanner.scan(buffer)
            switch finding {
            case .source(let range): return (finding, String(decoding: bytes[range], as: UTF8.self))
            case .decodedSource(let decoded): return (finding, String(decoding: decoded, as: UTF8.self))
            default: return (finding, nil)
            }
        }
    }

    @Test func findsTheTopLevelSourceAndSkipsNestedOnes() {
        let json = #"{"data":{"source":"inner","list":[{"source":"x"},"]}",1.5e3,true,null]},"id":"a\"b","source":"marquee/intake"}"#
        #expect(scan(json).source == "marquee/intake")
        #expect(scan(" \n{ \"source\" : \"marquee/x\" } ").source == "marquee/x")
    }

    @Test func decodesEscapesInKeysAndValues() {
        #expect(scan(#"{"sour\u0063e":"marquee\/build"}"#).source == "marquee/build")
        #expect(scan(#"{"source":"caf\u00e9 \ud83d\ude00"}"#).source == "café 😀")
    }

    @Test func reportsWhatIsNotOneStringSource() {
        #expect(scan(#"{"id":"1"}"#).finding == .missing)
        #expect(scan("{}").finding == .missing)
        #expect(scan(#"{"source":42}"#).finding == .notAString)
        #expect(scan(#"{"source":"a","source":"b"}"#).finding == .duplicate)
        #expect(scan(#"{"source":"a","sour\u0063e":"b"}"#).finding == .duplicate)
        for broken in ["", "[]", "not json", #"{"source":"a""#, #"{"source" "a"}"#, #"{"data":{"x":1}"#, #"{"source":"bad \u12"}"#] {
            #expect(scan(broken).finding == .malformed, "\(broken)")
        }
    }
}
