/// Why a broker security file was refused: every problem found, each with its path in the file.
public struct BusSecurityFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One problem: where it is (`clients[1].public_key`), on which line if known, and a sentence.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var line: Int?
        public var sentence: String

        public var description: String {
            let place = path.isEmpty ? "(top level)" : path
            return line.map { "\(place) (line \($0)): \(sentence)" } ?? "\(place): \(sentence)"
        }
    }

    /// The file the problems are in.
    public var file: String
    public var problems: [Problem]

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "the security file \(file) has \(count):\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
