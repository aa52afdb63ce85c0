import Domain
import Foundation
import QAEngine
import Testing

@Suite struct FixtureTests {
    @Test func corpusIsComplete() {
        #expect(FixtureCase.all.count == 6)
    }

    @Test(arguments: FixtureCase.all)
    func firesExactlyTheExpectedRules(_ fixture: FixtureCase) {
        let report = QAEngine().check(email: fixture.email, plan: fixture.plan)
        let fired = Set(report.rules.map(\.rawValue))
        #expect(fired == fixture.rules, "\(fixture.file): \(report.findings.map { "\($0.rule.rawValue) \($0.location?.path ?? "") \($0.message)" }.joined(separator: "\n"))")
    }

    @Test(arguments: FixtureCase.all)
    func goodFixturesPassAndBrokenOnesFail(_ fixture: FixtureCase) {
        let report = QAEngine().check(email: fixture.email, plan: fixture.plan)
        #expect(report.verdict == (fixture.file.contains("good") ? .passed : .failed))
    }
}
