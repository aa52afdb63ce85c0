import ArgumentParser
import Foundation
import Reporting

/// `--format html|csv|json` and `--out FILE` (standard output when absent), shared by the report commands.
struct ReportOutput: ParsableArguments {
    @Option(help: "html, csv or json.")
    var format: String = "html"

    @Option(help: "Write the report to this file instead of standard output.")
    var out: String?

    func validate() throws {
        guard ReportFormat(rawValue: format) != nil else { throw ValidationError("--format must be html, csv or json, got \"\(format)\"") }
    }

    /// Writes `bytes` to the file or standard output.
    func write(_ bytes: Data) throws {
        guard let out else {
            FileHandle.standardOutput.write(bytes)
            return
        }
        do {
            try bytes.write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw CLIFailure("cannot write \(out): \(error.localizedDescription)")
        }
        print("wrote \(out) (\(bytes.count) bytes)")
    }
}
