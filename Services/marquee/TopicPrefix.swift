import ArgumentParser

/// A topic prefix as `tail` and `replay` take it: `campaign.`, `deadletter.`, or NATS-style
/// `deadletter.>` ("everything under"), which means the same as `deadletter.`.
enum TopicPrefix {
    /// The prefix the broker matches, or a one-sentence error for text no topic can start with.
    static func parse(_ text: String) throws -> String {
        let prefix = text.hasSuffix(">") ? String(text.dropLast()) : text
        let allowed = prefix.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x5F
        }
        guard allowed else {
            throw ValidationError(
                "'\(text)' is not a topic prefix: use lowercase letters, digits, '.' and '_', optionally ending in '>'.")
        }
        return prefix
    }
}
