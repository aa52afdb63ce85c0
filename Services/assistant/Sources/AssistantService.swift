import Assistant
import Bus
import ChatCompletions
import Domain
import Foundation
import Logging
import RulesConfig
import ServiceKit

/// Runs `marquee-assistant`: ServiceKit's flags (`--http` serves `POST /assistant`) plus
/// `--template-owner USER` (who is asked for missing templates; default: the first marketing ops lead of the
/// rules) and, for the optional language model, `--llm-url URL` (a chat-completions base such as
/// `http://127.0.0.1:11434/v1`), `--llm-model NAME`, `--llm-timeout-ms N` (default 8000) and the API key in
/// the environment variable `MARQUEE_LLM_API_KEY`. `--caller-token-file FILE` holds the bearer token every
/// `POST /assistant` must carry (the gateway and operators hold it); without it any caller that reaches the
/// port may speak as any user, which the service warns about at start.
///
/// One `EventConsumer` folds requests, holds and facts into `<data>/assistant.sqlite`, which also holds the
/// knowledge library; the outbox relay publishes requests and missing-template flags. Exit codes as every
/// service: 0 clean, 1 failed, 2 bad command line or config.
public enum AssistantService {
    public static func main(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Int32 {
        var rest: [String] = []
        var owner: UserID?
        var llmURL: URL?
        var llmModel = "default"
        var llmTimeout = 8.0
        var callerTokenFile: String?
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--template-owner":
                guard let value = remaining.popFirst() else { return usage("--template-owner needs a user") }
                owner = UserID(rawValue: value)
            case "--llm-url":
                guard let value = remaining.popFirst().flatMap(URL.init(string:)) else { return usage("--llm-url needs a URL") }
                llmURL = value
            case "--llm-model":
                guard let value = remaining.popFirst() else { return usage("--llm-model needs a name") }
                llmModel = value
            case "--llm-timeout-ms":
                guard let value = remaining.popFirst().flatMap(Int.init), value > 0 else {
                    return usage("--llm-timeout-ms needs a number")
                }
                llmTimeout = Double(value) / 1000
            case "--caller-token-file":
                guard let value = remaining.popFirst() else { return usage("--caller-token-file needs a file") }
                callerTokenFile = value
            default: rest.append(argument)
            }
        }
        let runtime: ServiceRuntime
        let rules: Rules
        do {
            runtime = try ServiceRuntime.bootstrap(name: "assistant", arguments: rest, flags: flags)
            rules = try RulesFile.load(runtime.options.configPath)
        } catch {
            return usage("\(error)")
        }
        var callerToken: String?
        if let callerTokenFile {
            let text = (try? String(contentsOfFile: callerTokenFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let text, !text.isEmpty else { return usage("--caller-token-file \(callerTokenFile) is missing or empty") }
            callerToken = text
        } else {
            runtime.logger.warning("no --caller-token-file: POST /assistant believes any caller's user and roles; keep its port private")
        }
        let templateOwner = owner ?? rules.people(holding: .marketingOpsLead).first?.id ?? "marketing_ops_lead"
        let model = llmURL.map {
            ChatCompletionsModel(
                baseURL: $0, model: llmModel, apiKey: ProcessInfo.processInfo.environment["MARQUEE_LLM_API_KEY"],
                timeout: llmTimeout)
        }
        do {
            let store = try runtime.openStore { AssistantTables.register(&$0) }
            let desk = AssistantDesk(store: store, templateOwner: templateOwner, rules: rules, model: model)
            try await desk.prepare(now: Date())
            let consumer = EventConsumer(
                service: "assistant", store: store, endpoints: runtime.options.bus, prefixes: AssistantFold.prefixes,
                handler: AssistantFold(), logger: runtime.logger)
            let publisher = try Publisher(bus: runtime.options.bus, logger: runtime.logger)
            let relay = runtime.outboxRelay(store: store, publisher: publisher)
            let control = try BusControl(bus: runtime.options.bus, timeoutMilliseconds: 1000, logger: runtime.logger)
            let endpoint = AssistantEndpoint(
                host: runtime.options.httpHost, port: runtime.options.httpPort, registry: runtime.registry,
                health: ServiceHealth(service: "assistant", store: store, control: control, logger: runtime.logger),
                routes: AssistantRoutes(desk: desk, clock: .system, callerToken: callerToken, logger: runtime.logger),
                onReady: { address in FileHandle.standardOutput.write(Data("marquee-assistant ready http=\(address)\n".utf8)) },
                logger: runtime.logger)
            try await runtime.run(relay, consumer, endpoint)
            await publisher.close()
            return 0
        } catch {
            runtime.logger.critical("stopped", metadata: [LogKey.error: "\(error)"])
            FileHandle.standardError.write(Data("marquee-assistant: \(error)\n".utf8))
            return 1
        }
    }

    /// Its own flags, for `--help`.
    static let flags = [
        ServiceFlag("--caller-token-file FILE", "the bearer token every POST /assistant must carry"),
        ServiceFlag("--template-owner USER", "who is asked for a missing template (default the ops lead)"),
        ServiceFlag("--llm-url URL", "a chat-completions endpoint (key in MARQUEE_LLM_API_KEY); default: rules only"),
        ServiceFlag("--llm-model NAME", "the model asked (default \"default\")"),
        ServiceFlag("--llm-timeout-ms N", "how long a model answer may take before the rules answer (default 8000)"),
    ]

    private static func usage(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("marquee-assistant: \(message)\n".utf8))
        return 2
    }
}
