/// A report command that could not do its job: ArgumentParser prints `Error: <sentence>` and exits with 1.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String

    init(_ sentence: String) {
        description = sentence
    }
}
