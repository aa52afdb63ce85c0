import Foundation

/// A password or signing key read from a file (`*_file`, trailing newline dropped) or an environment variable
/// (`*_env`). It never prints: its description is `<secret>`, so a logged config shows no secret.
public struct Secret: Sendable, Hashable, CustomStringConvertible {
    /// The secret's text.
    public let value: String

    public init(_ value: String) { self.value = value }

    public var description: String { "<secret>" }

    /// The secret from `file` or `environment`'s variable `variable`; nil when neither is given.
    static func read(file: String?, variable: String?, environment: [String: String]) throws -> Secret? {
        if let file {
            var text = try String(contentsOfFile: file, encoding: .utf8)
            while text.last?.isNewline == true { text.removeLast() }
            return Secret(text)
        }
        if let variable {
            guard let text = environment[variable], !text.isEmpty else {
                throw NotifyConfigError("environment variable \(variable) is not set")
            }
            return Secret(text)
        }
        return nil
    }
}
