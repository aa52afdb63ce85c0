/// Why the broker did not start, as one sentence (ArgumentParser prints `Error: <sentence>` and exits 1,
/// without the usage text a ValidationError adds).
struct BusStartFailure: Error, CustomStringConvertible {
    let description: String

    init(_ sentence: String) {
        description = sentence
    }
}
