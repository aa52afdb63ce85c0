import Domain
import Foundation

/// Reads channels from chat text: "email and Instagram", "newsletter, LinkedIn + paid ads", "IG".
public enum ChannelParser {
    private static let words: [(pattern: String, channel: Channel)] = [
        ("e-?mails?|newsletters?|mailings?", .email),
        ("instagram|insta|ig", .instagram),
        ("linkedin", .linkedin),
        ("web|website|landing ?pages?|blog", .web),
        ("social(?: media)?", .social),
        ("paid(?: ads| media| social)?|ads|adverts?|display", .paid),
        ("sms|text messages?", .sms),
    ]

    /// Every channel named in `text`, in `Channel` order, without duplicates.
    public static func parse(_ text: String) -> [Channel] {
        let found = Set(words.filter { TextPattern("\\b(?:\($0.pattern))\\b").occurs(in: text) }.map(\.channel))
        return found.sorted()
    }
}
