import ArgumentParser
import Domain
import Foundation
import RulesConfig

/// `marquee config`: check a rules file, or print the built-in default rules.
///
/// ```
/// marquee config check deploy/marquee.yaml   # "ok: 11 roles, 13 people, …" or every problem, one per line
/// marquee config default > marquee.yaml      # the complete built-in rules as a commented YAML file
/// ```
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check a YAML rules file, or print the built-in default rules.",
        subcommands: [CheckConfigCommand.self, DefaultConfigCommand.self])
}

/// `marquee config check FILE`: loads the file as the services would and reports every problem.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a YAML rules file and print every problem as 'path: sentence'.",
        discussion: "Sections the file leaves out are taken from the built-in default ('marquee config default').")

    @Argument(help: "The YAML rules file to check.")
    var file: String

    func run() async throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw CommandFailure("Could not read \(file): \(error.localizedDescription)")
        }
        switch loadRules(yaml: text) {
        case .success(let rules):
            print("ok: \(rules.configSummary)")
        case .failure(let problems):
            print(problems)
            let count = problems.errors.count
            throw CommandFailure("\(file) has \(count) \(count == 1 ? "problem" : "problems").")
        }
    }
}

/// `marquee config default`: prints the built-in rules, the same text as `deploy/marquee.yaml`.
struct DefaultConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "default",
        abstract: "Print the complete built-in rules as a commented YAML file.")

    func run() async throws {
        print(try Rules.builtIn.configYAML(), terminator: "")
    }
}
