import ArgumentParser

let command = BenchCommand.parseOrExit()
do {
    try await command.measure()
} catch {
    BenchCommand.exit(withError: error)
}
