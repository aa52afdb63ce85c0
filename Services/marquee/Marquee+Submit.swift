import ArgumentParser
import Contracts
import Domain
import Foundation
import Yams

/// `marquee submit request.yaml`: submits a campaign request and prints how intake triaged it.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit a campaign request (YAML or JSON, keys as in docs/schemas) and print its triage.")

    @OptionGroup var bus: BusClientOptions

    @Argument(help: "The request file; '-' reads standard input.")
    var file: String

    @Option(help: "The campaign id; a new one (cmp-YYYYMMDD-XXXXXX) by default.")
    var id: String?

    @Option(help: "Seconds to wait for intake's triage (0: do not wait).")
    var wait = 10

    func run() async throws {
        let text: String
        if file == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure("cannot read \(file)") }
            text = String(decoding: data, as: UTF8.self)
        }
        let request: CampaignRequest
        do {
            request = try YAMLDecoder().decode(CampaignRequest.self, from: text)
        } catch {
            throw CommandFailure("\(file) is not a campaign request: \(RequestFileError.describe(error))")
        }
        let campaign = CampaignID(rawValue: id ?? Self.newID())
        let client = LineClient(endpoints: try bus.endpoints, logger: bus.logger())
        let head = try await client.head()
        let header = try await client.publish(RequestSubmitted(campaignID: campaign, request: request))
        print("submitted \(campaign)")
        try await CommandRun(client: client, wait: wait)
            .report(header.id, from: head + 1, silence: "is marquee-intake running?")
    }

    static func newID(now: Date = Date()) -> String {
        let day = Day(containing: now, in: TimeZone(identifier: "UTC") ?? .current).iso.replacingOccurrences(of: "-", with: "")
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        return "cmp-\(day)-" + String((0..<6).map { _ in alphabet.randomElement() ?? "x" })
    }
}

/// Turns a decoding error into a sentence naming the field.
enum RequestFileError {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "(root)" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}
