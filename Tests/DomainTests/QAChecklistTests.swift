import Domain
import Foundation
import Testing

@Suite struct QAChecklistTests {
    static func allPass() -> [QAChecklistAnswer] {
        QAChecklist.standard.map { QAChecklistAnswer(item: $0.id, result: .pass) }
    }

    @Test func automatedErrorsFailTheirItemAndWarningsDoNot() {
        let answers = QAChecklist.prefilled(from: [
            .init(rule: "link.hash-href", isError: true, message: "A link goes nowhere"),
            .init(rule: "utm.missing", isError: true, message: "No UTM on a tracked link"),
            .init(rule: "image.missing-alt", isError: false, message: "An image has no alt text"),
        ])
        #expect(answers.map(\.item) == ["content", "rendering", "links", "audience", "assets"])
        #expect(answers.filter { $0.result == .fail }.map(\.item) == ["links"])
        #expect(answers[2].comment == "link.hash-href: A link goes nowhere; utm.missing: No UTM on a tracked link")
        #expect(QAChecklist.problem(in: answers) == nil)
        #expect(QAChecklist.outcome(of: answers) == .failed)
    }

    @Test func aLongListOfFindingsIsSummarised() {
        let findings = (1...7).map { QAChecklist.Finding(rule: "content.merge-tag", isError: true, message: "tag \($0)") }
        let content = QAChecklist.prefilled(from: findings)[0]
        #expect(content.comment.hasSuffix("; and 2 more"))
    }

    @Test(arguments: [
        ([QAChecklistAnswer(item: "content", result: .pass)], "checklist items not answered: rendering, links, audience, assets"),
        (allPass() + [QAChecklistAnswer(item: "tone", result: .pass)], "unknown checklist item \"tone\""),
        (allPass() + [QAChecklistAnswer(item: "links", result: .pass)], "checklist item \"links\" is answered twice"),
        (allPass().dropLast() + [QAChecklistAnswer(item: "assets", result: .fail, comment: " ")],
         "checklist item \"assets\" failed without a comment"),
    ])
    func incompleteChecklistsAreNamed(_ answers: [QAChecklistAnswer], _ problem: String) {
        #expect(QAChecklist.problem(in: answers) == problem)
    }

    @Test func aChecklistVerdictFollowsFromItsAnswers() throws {
        var answers = Self.allPass()
        answers[3] = QAChecklistAnswer(item: "audience", result: .fail, comment: "suppression list not applied")
        let verdict = QAVerdict(reviewer: "quinn", checklist: answers, documents: [])
        #expect(verdict.outcome == .failed)
        #expect(verdict.findings == ["audience: suppression list not applied"])
        #expect(verdict.checklistProblem == nil)
        var contradicting = verdict
        contradicting.outcome = .passed
        #expect(contradicting.checklistProblem == "the checklist gives failed, not passed")
        #expect(QAVerdict(reviewer: "quinn", outcome: .passed, documents: []).checklistProblem == nil)
    }

    @Test func theChecklistTravelsOnTheWireAndIsOptional() throws {
        let verdict = QAVerdict(reviewer: "quinn", checklist: Self.allPass(), documents: [])
        let decoded = try JSONDecoder().decode(QAVerdict.self, from: JSONEncoder().encode(verdict))
        #expect(decoded == verdict)
        let old = #"{"reviewer":"quinn","outcome":"passed","findings":[],"documents":[]}"#
        #expect(try JSONDecoder().decode(QAVerdict.self, from: Data(old.utf8)).checklist.isEmpty)
        let plain = String(decoding: try JSONEncoder().encode(QAVerdict(reviewer: "quinn", outcome: .passed, documents: [])), as: UTF8.self)
        #expect(!plain.contains("checklist"))
    }

    @Test func theStationRefusesAnIncompleteOrContradictingChecklist() throws {
        var driver = try Driver.inStage(.qaRequested)
        let partial = QAVerdict(
            reviewer: "quinn", checklist: [QAChecklistAnswer(item: "links", result: .pass)], documents: driver.documents)
        #expect(throws: TransitionError.invalidChecklist("checklist items not answered: content, rendering, audience, assets")) {
            try driver.run(.recordQA(partial))
        }
        var lying = QAVerdict(reviewer: "quinn", checklist: Self.allPass(), documents: driver.documents)
        lying.outcome = .failed
        lying.findings = ["looks off"]
        #expect(throws: TransitionError.invalidChecklist("the checklist gives passed, not failed")) {
            try driver.run(.recordQA(lying))
        }
        try driver.run(.recordQA(QAVerdict(reviewer: "quinn", checklist: Self.allPass(), documents: driver.documents)))
        #expect(driver.campaign.qaPassed)
    }
}
