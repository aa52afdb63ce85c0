import Contracts
import Foundation
import Testing

@Suite struct RFC3339Tests {
    @Test(arguments: [
        ("2026-03-03T09:15:00.250Z", 1_772_529_300.25),
        ("2026-03-03T09:15:00.999Z", 1_772_529_300.999),
        ("2026-03-03T09:15:00.001Z", 1_772_529_300.001),
        ("1970-01-01T00:00:00.000Z", 0),
        ("1969-12-31T23:59:59.500Z", -0.5),
        ("2024-02-29T23:59:59.000Z", 1_709_251_199),
    ])
    func writesMillisecondsInUTCAndReadsThemBack(_ text: String, _ seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(RFC3339.string(from: date) == text)
        let parsed = try #require(RFC3339.date(from: text))
        #expect(RFC3339.string(from: parsed) == text)
        #expect(abs(parsed.timeIntervalSince1970 - seconds) < 0.000_001)
    }

    @Test(arguments: [
        ("2026-03-03T10:15:00.25+01:00", "2026-03-03T09:15:00.250Z"),
        ("2026-03-03T04:15:00-05:00", "2026-03-03T09:15:00.000Z"),
        ("2026-03-03t09:15:00.2504z", "2026-03-03T09:15:00.250Z"),
    ])
    func readsOffsetsAndNormalisesToUTC(_ text: String, _ normalised: String) throws {
        #expect(RFC3339.string(from: try #require(RFC3339.date(from: text))) == normalised)
    }

    @Test(arguments: [
        "", "2026-03-03", "2026-03-03T09:15:00", "2026-03-03 09:15:00Z", "2026-02-30T09:15:00Z",
        "2026-13-01T09:15:00Z", "2026-03-03T24:00:00Z", "2026-03-03T09:15:00.Z", "2026-03-03T09:15:00+0100",
        "2026-03-03T09:15:00Zjunk",
    ])
    func rejectsWhatIsNotADateTime(_ text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }

    @Test func encoderAndDecoderUseTheWireFormat() throws {
        let data = try MarqueeJSON.encode(["at": Date(timeIntervalSince1970: 1_772_529_300.25)])
        #expect(String(decoding: data, as: UTF8.self) == #"{"at":"2026-03-03T09:15:00.250Z"}"#)
        let back = try MarqueeJSON.decoder().decode([String: Date].self, from: data)
        #expect(back["at"] == Date(timeIntervalSince1970: 1_772_529_300.25))
    }
}
