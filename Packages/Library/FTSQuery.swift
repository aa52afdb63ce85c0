import Foundation

/// Turns chat text into a safe FTS5 query: its words (letters and digits only, at most 16), each quoted, so
/// no user text is read as FTS syntax. `nil` when the text has no words.
enum FTSQuery {
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.prefix(16).map { "\"\($0)\"" }
    }

    /// Any of the words, ranked by bm25.
    static func any(_ text: String) -> String? {
        let words = words(text)
        return words.isEmpty ? nil : words.joined(separator: " OR ")
    }

    /// Every word in the title column.
    static func allInTitle(_ text: String) -> String? {
        let words = words(text)
        return words.isEmpty ? nil : "title : (\(words.joined(separator: " AND ")))"
    }
}
