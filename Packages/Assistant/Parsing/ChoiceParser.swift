import Domain
import Foundation

/// Reads a campaign's objective and type from chat text.
///
/// `strict` reading (an answer to another question) only takes unmistakable phrases ("product launch",
/// "seasonal campaign"); when the assistant just asked for the value, synonyms count too ("webinar" is an
/// event, "sales" is conversion).
public enum ChoiceParser {
    /// The objective named in `text`.
    public static func objective(in text: String, strict: Bool) -> Objective? {
        let phrases: [(String, Objective)] =
            [("awareness", .awareness), ("conversions?", .conversion), ("retention", .retention)]
            + (strict
                ? []
                : [
                    ("reach|visibility|brand", .awareness), ("sales|sign-?ups?|leads|revenue|convert", .conversion),
                    ("churn|loyalty|retain|existing customers|renewals?", .retention),
                ])
        return phrases.first { TextPattern("\\b(?:\($0.0))\\b").occurs(in: text) }?.1
    }

    /// The campaign type named in `text`.
    public static func campaignType(in text: String, strict: Bool) -> CampaignType? {
        let phrases: [(String, CampaignType)] =
            [
                ("product launch", .productLaunch), ("seasonal (?:campaign|promotion)", .seasonal),
                ("event campaign", .event),
            ]
            + (strict
                ? []
                : [
                    ("launch|new product|release", .productLaunch),
                    ("event|webinar|conference|meetup|trade ?show|summit", .event),
                    ("seasonal|holiday|christmas|black friday|summer|spring|easter", .seasonal), ("other", .other),
                ])
        return phrases.first { TextPattern("\\b(?:\($0.0))\\b").occurs(in: text) }?.1
    }
}
