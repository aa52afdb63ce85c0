/// One problem in a config file: where it is and a sentence saying what is wrong.
///
/// Its description is `path: sentence`, e.g. `approvals.product_launch[2].role: unknown role "legl"`.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is; `.root` for problems with the whole document (such as YAML syntax).
    public var path: ConfigPath
    /// What is wrong, as one sentence without a trailing period.
    public var message: String
    /// The line and column in the file, when the problem is in the file (not in a built-in default section).
    public var location: SourceLocation?

    /// Creates an error.
    public init(path: ConfigPath, message: String, location: SourceLocation? = nil) {
        self.path = path
        self.message = message
        self.location = location
    }

    public var description: String { path.components.isEmpty ? message : "\(path): \(message)" }
}

/// A 1-based line and column in a config file.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Line, counted from 1.
    public var line: Int
    /// Column, counted from 1.
    public var column: Int

    /// Creates a location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
}

/// Every problem found in a config file, in file order (problems in built-in default sections last).
public struct ConfigErrors: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems; never empty.
    public var errors: [ConfigError]

    /// Wraps the problems found.
    public init(_ errors: [ConfigError]) { self.errors = errors }

    /// One `path: sentence` line per problem.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
