import Foundation
import QAEngine
import Testing

@Suite struct CatalogTests {
    @Test func everyRuleHasATestCase() {
        let tested = Set(EmailRuleCase.all.map(\.rule) + AssetCase.all.map(\.rule) + AudienceCase.all.map(\.rule))
        #expect(Set(RuleID.allCases).subtracting(tested).isEmpty, "untested: \(Set(RuleID.allCases).subtracting(tested))")
    }

    @Test func everyRuleIsDocumented() throws {
        let docs = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/qa-rules.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let missing = RuleID.allCases.filter { !text.contains("`\($0.rawValue)`") }
        #expect(missing.isEmpty, "not in docs/qa-rules.md: \(missing)")
    }
}
