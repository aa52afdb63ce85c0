import ArgumentParser
import Foundation

/// Where marquee-reporting listens: `--reporting URL` (default `http://127.0.0.1:7786`).
struct ReportingClientOptions: ParsableArguments {
    @Option(name: .customLong("reporting"), help: "marquee-reporting's HTTP address.")
    var url: String = "http://127.0.0.1:7786"

    func validate() throws {
        guard let parsed = URL(string: url), parsed.scheme == "http" || parsed.scheme == "https", parsed.host != nil else {
            throw ValidationError("--reporting must be an http(s) URL, got \"\(url)\"")
        }
    }

    var client: ReportingClient { ReportingClient(base: URL(string: url)!) }
}
