import Domain
import Foundation

/// The rules a service runs under: its `--config` file, or the built-in rules when none is given.
public enum RulesFile {
    /// Why the file cannot be used, in one sentence (and the config problems, one per line).
    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Loads `path`, or returns `Rules.builtIn` when `path` is nil.
    public static func load(_ path: String?) throws(LoadError) -> Rules {
        guard let path else { return .builtIn }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LoadError(description: "cannot read config \(path): \(error.localizedDescription)")
        }
        switch loadRules(yaml: text) {
        case .success(let rules): return rules
        case .failure(let problems): throw LoadError(description: "config \(path) has errors:\n\(problems)")
        }
    }
}
