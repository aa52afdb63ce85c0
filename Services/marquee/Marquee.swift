import ArgumentParser
import BusService
import ReportingCLI

/// `marquee`: the command line of the Marquee campaign production line.
@main
struct Marquee: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marquee",
        abstract: "Run and observe Marquee, the campaign production line on a durable ZeroMQ bus.",
        subcommands: [
            BusCommand.self, KeysCommand.self, PublishCommand.self, TailCommand.self, ReplayCommand.self, StatsCommand.self,
            LagCommand.self, WorkCommand.self, DeadLetterCommand.self, SchemaCommand.self, ConfigCommand.self,
            DemoCommand.self, SubmitCommand.self,
            StatusCommand.self, ApproveCommand.self, RejectCommand.self, CommandCommand.self,
            QACommand.self, ReportCommand.self, UpCommand.self, ScaleCommand.self, AskCommand.self,
        ])
}
