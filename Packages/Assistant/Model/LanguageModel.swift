import Foundation

/// A language model the assistant may consult: one system prompt and one user message in, text out.
/// Anything it throws makes the assistant fall back to its deterministic rules.
public protocol LanguageModel: Sendable {
    /// The model's reply to `user` under `system`.
    func complete(system: String, user: String) async throws -> String
}
