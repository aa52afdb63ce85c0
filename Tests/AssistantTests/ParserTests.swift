import Assistant
import Domain
import Testing

/// Tuesday, February 10, 2026.
let today = Day(year: 2026, month: 2, day: 10)

func day(_ iso: String) -> Day { Day(iso: iso)! }

func eur(_ minor: Int64) -> Money { Money(amountMinor: minor, currency: "EUR") }

struct DateCase: Sendable, CustomTestStringConvertible {
    var text: String
    var reference: Day?
    var expected: DateAnswer?
    var testDescription: String { text }
}

struct MoneyCase: Sendable, CustomTestStringConvertible {
    var text: String
    var bareNumbers = false
    var expected: Money?
    var testDescription: String { text }
}

@Suite struct ParserTests {
    @Test(arguments: [
        DateCase(text: "launch on March 3rd", expected: .day(day("2026-03-03"))),
        DateCase(text: "3 March 2027", expected: .day(day("2027-03-03"))),
        DateCase(text: "Jan 5", expected: .day(day("2027-01-05"))),
        DateCase(text: "the 21st of february", expected: .day(day("2026-02-21"))),
        DateCase(text: "2026-04-01", expected: .day(day("2026-04-01"))),
        DateCase(text: "3/3", expected: .day(day("2026-03-03"))),
        DateCase(text: "13/3", expected: .day(day("2026-03-13"))),
        DateCase(text: "3/4", expected: .ambiguous([day("2026-03-04"), day("2026-04-03")])),
        DateCase(text: "4/3/2027", expected: .ambiguous([day("2027-03-04"), day("2027-04-03")])),
        DateCase(text: "today", expected: .day(today)),
        DateCase(text: "tomorrow please", expected: .day(day("2026-02-11"))),
        DateCase(text: "in two weeks", expected: .day(day("2026-02-24"))),
        DateCase(text: "in 3 days", expected: .day(day("2026-02-13"))),
        DateCase(text: "in a month", expected: .day(day("2026-03-10"))),
        DateCase(text: "on Friday", expected: .day(day("2026-02-13"))),
        DateCase(text: "next Friday", expected: .day(day("2026-02-20"))),
        DateCase(text: "tuesday", expected: .day(day("2026-02-17"))),
        DateCase(text: "the 5th", expected: .day(day("2026-03-05"))),
        DateCase(text: "actually the 5th", reference: day("2026-04-03"), expected: .day(day("2026-04-05"))),
        DateCase(text: "Feb 30", expected: nil),
        DateCase(text: "2026-02-30", expected: nil),
        DateCase(text: "budget 12.5k", expected: nil),
        DateCase(text: "whenever", expected: nil),
    ])
    func dates(_ example: DateCase) {
        #expect(DateParser(today: today, reference: example.reference).parse(example.text) == example.expected)
    }

    @Test(arguments: [
        MoneyCase(text: "budget 12k", expected: eur(1_200_000)),
        MoneyCase(text: "€12,000", expected: eur(1_200_000)),
        MoneyCase(text: "12.5k EUR", expected: eur(1_250_000)),
        MoneyCase(text: "$5,000", expected: Money(amountMinor: 500_000, currency: "USD")),
        MoneyCase(text: "the budget is 8000", expected: eur(800_000)),
        MoneyCase(text: "3000 euros", expected: eur(300_000)),
        MoneyCase(text: "1.2m", expected: eur(120_000_000)),
        MoneyCase(text: "launch March 3, budget 4k", expected: eur(400_000)),
        MoneyCase(text: "launch March 3", expected: nil),
        MoneyCase(text: "15000", expected: nil),
        MoneyCase(text: "15000", bareNumbers: true, expected: eur(1_500_000)),
        MoneyCase(text: "instagram 1080x1080", expected: nil),
        MoneyCase(text: "99999999999999999999k", expected: nil),
    ])
    func money(_ example: MoneyCase) {
        #expect(MoneyParser(bareNumbers: example.bareNumbers).parse(example.text) == example.expected)
    }

    @Test func channels() {
        #expect(ChannelParser.parse("email and Instagram") == [.email, .instagram])
        #expect(ChannelParser.parse("newsletter, LinkedIn + paid ads") == [.email, .linkedin, .paid])
        #expect(ChannelParser.parse("a big billboard").isEmpty)
    }

    @Test func assetNeeds() {
        #expect(
            AssetNeedParser.parse("Instagram 1080x1080 png, email 600x300 jpeg and linkedin 1200 x 627")
                == [
                    AssetNeed(channel: .instagram, format: .png, size: PixelSize(width: 1080, height: 1080)),
                    AssetNeed(channel: .email, format: .jpg, size: PixelSize(width: 600, height: 300)),
                    AssetNeed(channel: .linkedin, format: .png, size: PixelSize(width: 1200, height: 627)),
                ])
    }

    @Test func choices() {
        #expect(ChoiceParser.campaignType(in: "a webinar", strict: true) == nil)
        #expect(ChoiceParser.campaignType(in: "a webinar", strict: false) == .event)
        #expect(ChoiceParser.campaignType(in: "our product launch", strict: true) == .productLaunch)
        #expect(ChoiceParser.objective(in: "more sales", strict: false) == .conversion)
        #expect(ChoiceParser.objective(in: "more sales", strict: true) == nil)
    }
}
