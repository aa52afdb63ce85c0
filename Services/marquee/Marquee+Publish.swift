import ArgumentParser
import Bus
import Contracts
import Foundation

/// `marquee publish TOPIC JSON|@file`: wraps the JSON in a CloudEvents envelope and publishes it durably.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish one event: TOPIC and its data as JSON text or @file; prints the seq it was stored at.")

    @OptionGroup var bus: BusClientOptions

    @Argument(help: "The event type, e.g. campaign.intake.held.")
    var topic: String

    @Argument(help: "The event's data: JSON text, or @path to a file holding it.")
    var data: String

    @Option(help: "The CloudEvents source.")
    var source = "marquee/cli"

    @Option(help: "The CloudEvents subject (a campaign id).")
    var subject: String?

    @Option(help: "The event id (a UUID); a new one by default. Publishing the same id twice stores it once.")
    var id: String?

    func validate() throws {
        if let violation = Topic.validate(topic) {
            throw ValidationError("'\(topic)' is not a valid topic: \(violation.reason)")
        }
        if let id, UUID(uuidString: id) == nil { throw ValidationError("--id must be a UUID") }
    }

    func run() async throws {
        let text = try ArgumentText.read(data)
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: text)
        } catch {
            throw CommandFailure("the data is not valid JSON: \(error.localizedDescription)")
        }
        let eventID = id.flatMap(UUID.init(uuidString:)) ?? UUID()
        var envelope: [String: JSONValue] = [
            "specversion": .string(EnvelopeHeader.specVersion), "id": .string(eventID.uuidString.lowercased()),
            "source": .string(source), "type": .string(topic), "time": .string(RFC3339.string(from: Date())),
            "datacontenttype": .string(EnvelopeHeader.contentType), "correlationid": .string(eventID.uuidString.lowercased()),
            "data": value,
        ]
        if let subject { envelope["subject"] = .string(subject) }
        let payload = try MarqueeJSON.encode(JSONValue.object(envelope))
        if let known = Topic(rawValue: topic), EventCatalog.marquee.eventType(for: known) != nil {
            let violations = EventCatalog.marquee.validate(payload)
            guard violations.isEmpty else {
                throw CommandFailure("the data does not match the \(topic) schema: \(violations.map { "\($0)" }.joined(separator: "; "))")
            }
        }
        let publisher = try Publisher(bus: try bus.endpoints, logger: bus.logger())
        let seq = try await publisher.publish(topic: topic, payload: Array(payload), id: eventID.uuidString.lowercased())
        await publisher.close()
        print("stored \(topic) id=\(eventID.uuidString.lowercased()) seq=\(seq)")
    }
}
