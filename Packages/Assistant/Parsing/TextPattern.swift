import Foundation

/// A regular expression over lower-cased chat text, returning its capture groups as plain strings.
///
/// Patterns are constants of this module, so compiling one cannot fail on user input; a pattern that does
/// not compile matches nothing rather than crashing.
struct TextPattern: Sendable {
    let source: String

    init(_ source: String) { self.source = source }

    /// Every match in `text`, each as its capture groups (`nil` for a group that did not take part).
    func matches(in text: String) -> [[String?]] {
        guard let regex = try? Regex(source).ignoresCase() else { return [] }
        return text.matches(of: regex).map { match in
            (1..<match.output.count).map { index in match.output[index].substring.map(String.init) }
        }
    }

    /// The capture groups of the first match, if any.
    func firstMatch(in text: String) -> [String?]? { matches(in: text).first }

    /// Whether the pattern occurs in `text`.
    func occurs(in text: String) -> Bool { firstMatch(in: text) != nil }
}

/// Small number words people type instead of digits ("in two weeks").
enum NumberWord {
    static let values: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    ]

    /// The value of `word` as digits or a number word.
    static func value(of word: String) -> Int? { Int(word) ?? values[word.lowercased()] }

    /// The alternation `\d+|a|an|one|…` for patterns.
    static let pattern = "\\d{1,3}|" + values.keys.sorted { $0.count > $1.count }.joined(separator: "|")
}
