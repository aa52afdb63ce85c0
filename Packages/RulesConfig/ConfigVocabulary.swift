import Domain

/// A closed set of names a config file may use (campaign types, channels, MVP fields…), so sentences
/// about a wrong name can list the right ones.
protocol ConfigVocabulary: RawRepresentable<String>, CaseIterable {
    /// What one name is called in a sentence, e.g. `"campaign type"`.
    static var noun: String { get }
}

extension ConfigVocabulary {
    /// The sentence for a name that is not in the set.
    static func unknown(_ name: String) -> String {
        "unknown \(noun) \"\(name)\"; expected one of: " + allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// `names` after the noun, plural when several: `campaign type "other"`, `weekdays "monday", "friday"`.
    static func naming(_ names: [Self]) -> String {
        (names.count == 1 ? noun : noun + "s") + " " + quoted(names)
    }

    /// `names` quoted and comma-separated: `"event", "other"`.
    static func quoted(_ names: [Self]) -> String {
        names.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
    }
}

extension CampaignType: ConfigVocabulary { static var noun: String { "campaign type" } }
extension Channel: ConfigVocabulary { static var noun: String { "channel" } }
extension MVPField: ConfigVocabulary { static var noun: String { "MVP field" } }
extension SLAStep: ConfigVocabulary { static var noun: String { "SLA step" } }
extension EscalationReason: ConfigVocabulary { static var noun: String { "escalation reason" } }
extension Weekday: ConfigVocabulary { static var noun: String { "weekday" } }
extension AssetFormat: ConfigVocabulary { static var noun: String { "asset format" } }

/// Every vocabulary, for turning a decoding failure that names a type into a sentence.
var configVocabularies: [any ConfigVocabulary.Type] {
    [
        CampaignType.self, Channel.self, MVPField.self, SLAStep.self, EscalationReason.self, Weekday.self,
        AssetFormat.self,
    ]
}
