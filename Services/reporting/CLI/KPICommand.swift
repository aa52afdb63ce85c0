import ArgumentParser
import Foundation

/// `marquee report kpi import FILE --campaign ID`: sends a KPI file (CSV, or JSON by extension or `--format`).
/// Good rows are kept; every bad row is printed as `row N, column C: message` and the exit code is 1.
struct KPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi", abstract: "Import campaign KPIs.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Import a KPI file (date, channel, impressions, clicks, opens, conversions, spend, revenue).")

        @Argument(help: "The CSV or JSON file.")
        var file: String

        @Option(help: "The campaign the KPIs belong to.")
        var campaign: String

        @Option(help: "csv or json (default: from the file's extension).")
        var format: String?

        @OptionGroup var reporting: ReportingClientOptions

        func validate() throws {
            if let format, format != "csv", format != "json" { throw ValidationError("--format must be csv or json, got \"\(format)\"") }
            if campaign.isEmpty { throw ValidationError("--campaign must not be empty") }
        }

        func run() async throws {
            let body: Data
            do {
                body = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CLIFailure("cannot read \(file): \(error.localizedDescription)")
            }
            let kind = format ?? (file.lowercased().hasSuffix(".json") ? "json" : "csv")
            let client = reporting.client
            let answer = try await client.post(
                "kpi", query: [URLQueryItem(name: "campaign", value: campaign), URLQueryItem(name: "format", value: kind)],
                body: body, contentType: kind == "json" ? "application/json" : "text/csv")
            if (200..<300).contains(answer.status) {
                let imported = (try? JSONDecoder().decode(Imported.self, from: answer.body))?.imported ?? 0
                print("imported \(imported) row(s) for \(campaign)")
                return
            }
            if let problem = try? JSONDecoder().decode(ReportingClient.Problem.self, from: answer.body), let errors = problem.errors {
                for error in errors { FileHandle.standardError.write(Data("\(file): \(error)\n".utf8)) }
                throw CLIFailure("\(errors.count) bad row(s) in \(file); \(problem.imported ?? 0) good row(s) imported")
            }
            throw client.failure(answer)
        }

        struct Imported: Decodable {
            var imported: Int
        }
    }
}
