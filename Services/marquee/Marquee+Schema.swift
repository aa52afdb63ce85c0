import ArgumentParser
import Contracts
import Foundation

/// `marquee schema`: the wire contracts for people and for other languages.
///
/// ```
/// marquee schema --list                      # topics and their Swift types
/// marquee schema campaign.intake.held        # that event's envelope schema (JSON Schema 2020-12)
/// marquee schema --out docs/schemas          # <topic>.schema.json per event + envelope.schema.json
/// marquee schema --asyncapi > docs/asyncapi.yaml
/// ```
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print or export the JSON Schemas and the AsyncAPI document of every event.")

    @Flag(name: .long, help: "List every topic with its event type.")
    var list = false

    @Flag(name: .long, help: "Print the AsyncAPI 3.0 document of the bus (YAML).")
    var asyncapi = false

    @Option(name: .long, help: "Write <topic>.schema.json for every event and envelope.schema.json into DIR.")
    var out: String?

    @Argument(help: "Print the full envelope schema of this topic ('deadletter' for dead letters).")
    var topic: String?

    func validate() throws {
        guard [list, asyncapi, out != nil, topic != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("Give exactly one of --list, --asyncapi, --out DIR or a TOPIC.")
        }
        if let topic, EventCatalog.marquee.eventType(named: topic) == nil {
            throw ValidationError("No event has the topic \"\(topic)\"; 'marquee schema --list' shows them all.")
        }
    }

    func run() throws {
        let catalog = EventCatalog.marquee
        if list {
            let width = catalog.topics.map(\.rawValue.count).max() ?? 0
            for type in catalog.types {
                let name = type.topic.rawValue
                print(name + String(repeating: " ", count: width - name.count + 2) + type.typeName)
            }
        } else if asyncapi {
            print(AsyncAPIDocument.yaml(catalog: catalog), terminator: "")
        } else if let out {
            let directory = URL(fileURLWithPath: out, isDirectory: true)
            let files = try SchemaExport.files(catalog: catalog)
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                for file in files {
                    try Data(file.text.utf8).write(to: directory.appendingPathComponent(file.name), options: .atomic)
                }
            } catch {
                throw SchemaCommandError("Could not write the schemas to \(out): \(error.localizedDescription)")
            }
            print("Wrote \(files.count) schema files to \(out).")
        } else if let topic, let type = catalog.eventType(named: topic) {
            print(try MarqueeJSON.prettyText(SchemaExport.document(for: type)), terminator: "")
        }
    }
}

/// A one-sentence failure of `marquee schema`.
struct SchemaCommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
