import Yams

extension ConfigError {
    /// The error for text that is not valid YAML, with the line and column libyaml stopped at.
    init(syntax error: any Error) {
        let location: SourceLocation?
        let problem: String
        switch error as? YamlError {
        case .scanner(let context, let text, let mark, _), .parser(let context, let text, let mark, _),
            .composer(let context, let text, let mark, _):
            location = SourceLocation(mark)
            problem = text + (context.map { " (\($0.text))" } ?? "")
        case .duplicatedKeysInMapping(let duplicates, let context):
            location = SourceLocation(context.mark)
            problem = "duplicate key \"\(duplicates.first ?? "")\""
        case .reader(let text, let offset, _, _):
            location = nil
            problem = text + (offset.map { " at byte \($0)" } ?? "")
        default:
            location = nil
            problem = "\(error)"
        }
        let prefix = location.map { "invalid YAML at \($0)" } ?? "invalid YAML"
        self.init(path: .root, message: "\(prefix): \(problem)", location: location)
    }
}
