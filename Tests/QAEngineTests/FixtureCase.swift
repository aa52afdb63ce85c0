import Foundation
import QAEngine
import Testing

/// One email of the fixture corpus and the rules expected to fire on it (`Fixtures/expected.json`).
struct FixtureCase: Sendable, CustomTestStringConvertible {
    let file: String
    let email: EmailDocument
    let rules: Set<String>

    var testDescription: String { file }

    /// The campaign's tracking plan; transactional emails are not tracked.
    var plan: TrackingPlan? {
        guard email.kind == .marketing else { return nil }
        return TrackingPlan(
            source: "newsletter", medium: "email", campaign: file.hasPrefix("event") ? "summit-2026" : "spring-2026",
            trackedDomains: ["northwind-outfitters.com"])
    }

    /// Every fixture, in file-name order.
    static let all: [FixtureCase] = {
        struct Entry: Decodable {
            var subject: String?
            var preheader: String?
            var plainText: String?
            var kind: EmailKind?
            var rules: [String]
            enum CodingKeys: String, CodingKey {
                case subject, preheader, kind, rules
                case plainText = "plain_text"
            }
        }
        guard let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
            let manifest = try? Data(contentsOf: directory.appendingPathComponent("expected.json")),
            let entries = try? JSONDecoder().decode([String: Entry].self, from: manifest)
        else { return [] }
        return entries.keys.sorted().compactMap { file in
            guard let entry = entries[file],
                let html = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            else { return nil }
            let email = EmailDocument(
                html: html, subject: entry.subject, preheader: entry.preheader, plainText: entry.plainText,
                kind: entry.kind ?? .marketing)
            return FixtureCase(file: file, email: email, rules: Set(entry.rules))
        }
    }()
}
