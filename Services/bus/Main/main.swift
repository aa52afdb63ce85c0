import ArgumentParser
import BusService

let command = BusCommand.parseOrExit()
do {
    try await command.serve()
} catch {
    BusCommand.exit(withError: error)
}
