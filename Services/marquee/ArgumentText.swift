import Foundation

/// A command-line argument that is either the text itself or `@path` to a file holding it.
enum ArgumentText {
    /// The bytes `argument` stands for; throws a sentence when the file cannot be read.
    static func read(_ argument: String) throws -> Data {
        guard argument.hasPrefix("@") else { return Data(argument.utf8) }
        let path = String(argument.dropFirst())
        guard let contents = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read \(path)") }
        return contents
    }
}
