import Domain
import Foundation
import Reporting
import ReportingFixtures
import Testing

@Suite struct KPIImportTests {
    static let campaign: CampaignID = "cmp-b"

    @Test func csvKeepsGoodRowsAndReportsEachBadFieldByRowAndColumn() {
        let csv = """
            date,channel,impressions,clicks,opens,conversions,spend,revenue
            2026-11-20,email,1000,50,400,5,100.00,450.50
            2026-11-31,email,1000,50,400,5,100,0
            2026-11-21,fax,10,1,,0,1,
            2026-11-21,email,-3,5,1,1,abc,1.234
            2026-11-22,paid,100,200,0,1,10,20
            2026-11-20,email,1,1,1,1,1,1
            2026-11-23,"social",2000,"40",,2,"1,5",0
            2026-11-24,web,5
            2026-11-25,web,3000,60,,3,60,240

            """
        let result = KPIImport.csv(csv, campaign: Self.campaign)
        #expect(result.errors.map(\.description) == [
            "row 3, column date: expected a date as YYYY-MM-DD, found \"2026-11-31\"",
            "row 4, column channel: unknown channel \"fax\"; expected one of email, web, social, instagram, linkedin, paid, sms",
            "row 5, column impressions: expected a whole number ≥ 0, found \"-3\"",
            "row 5, column spend: expected an amount ≥ 0 with at most two decimals, found \"abc\"",
            "row 5, column revenue: expected an amount ≥ 0 with at most two decimals, found \"1.234\"",
            "row 6, column clicks: clicks (200) exceed impressions (100)",
            "row 7, column date: 2026-11-20 email appears in an earlier row",
            "row 8, column spend: expected an amount ≥ 0 with at most two decimals, found \"1,5\"",
            "row 9: expected 8 fields, found 3",
        ])
        #expect(result.records.map { "\($0.date) \($0.channel.rawValue)" } == ["2026-11-20 email", "2026-11-25 web"])
        #expect(result.records.first?.spendMinor == 10_000 && result.records.first?.revenueMinor == 45_050)
        #expect(result.records.last?.opens == 0)
    }

    @Test func csvHeaderProblemsAreRowOne() {
        let result = KPIImport.csv("date,channel,impresions,clicks,opens,conversions,spend,revenue\n", campaign: Self.campaign)
        #expect(result.errors.map(\.description) == ["row 1, column impresions: unknown column", "row 1, column impressions: missing column"])
        #expect(KPIImport.csv("", campaign: Self.campaign).errors.first?.row == 1)
        #expect(KPIImport.csv("date,\"channel\n", campaign: Self.campaign).errors.first?.message == "a quoted field is never closed")
    }

    @Test func jsonRowsAreNumberedFromOne() {
        let json = """
            [{"date": "2026-11-20", "channel": "email", "impressions": 1000, "clicks": 50, "opens": 400,
              "conversions": 5, "spend": 100, "revenue": "450.5"},
             {"date": "2026-11-21", "channel": "email", "impressions": 10.5, "clicks": 1, "conversions": 0, "spend": 1},
             {"date": "2026-11-22", "channel": "email", "impressions": 10, "clicks": 1, "conversions": 0, "spend": 1, "cost": 3},
             "nonsense"]
            """
        let result = KPIImport.json(Data(json.utf8), campaign: Self.campaign)
        #expect(result.errors.map(\.description) == [
            "row 2, column impressions: expected a whole number ≥ 0, found \"10.5\"",
            "row 3, column cost: unknown column",
            "row 4: expected an object",
        ])
        #expect(result.records.count == 1 && result.records[0].revenueMinor == 45_050 && result.records[0].spendMinor == 10_000)
        #expect(KPIImport.json(Data("{}".utf8), campaign: Self.campaign).errors.first?.message == "expected a JSON array of rows")
    }

    @Test func ratesAgainstTheObjectiveTarget() {
        let records = [
            KPIRecord(campaign: Self.campaign, date: Day(year: 2026, month: 11, day: 20), channel: .email, impressions: 1000,
                      clicks: 50, opens: 400, conversions: 5, spendMinor: 10_000, revenueMinor: 45_000),
            KPIRecord(campaign: Self.campaign, date: Day(year: 2026, month: 11, day: 21), channel: .paid, impressions: 3000,
                      clicks: 30, opens: 0, conversions: 0, spendMinor: 5_000, revenueMinor: 0),
        ]
        let totals = KPITotals(records)
        #expect(totals.ctr == 80.0 / 4000)
        #expect(totals.conversionRate == 5.0 / 80)
        #expect(totals.cpaMinor == 3_000)
        #expect(totals.roas == 3.0)
        #expect(KPITotals(records.suffix(1)).cpaMinor == nil)
        #expect(KPITarget.default(for: .conversion).isMet(by: totals) == true)
        #expect(KPITarget.default(for: .awareness).isMet(by: totals) == true)
        #expect(KPITarget.default(for: .retention).isMet(by: totals) == true)
        #expect(KPITarget(metric: .cpa, value: 2_000).isMet(by: totals) == false)
        #expect(KPITarget.default(for: .conversion).isMet(by: KPITotals([])) == nil)
    }
}
