import Bus
import Domain
import Foundation
import Logging
import RulesConfig
import ServiceKit

/// Runs `marquee-gateway`: ServiceKit's flags (`--http` serves the API and dashboard beside `/metrics` and
/// `/health`) plus `--secure-cookies` (the session cookie is always `Secure`: the gateway sits behind TLS) and
/// `--answer-timeout-ms N` (how long a command waits for the station's answer, default 5000) and `--password-cost N`
/// (bcrypt's work factor for new passwords, 10…16, default 12) and `--max-upload-bytes N` (the largest document
/// upload, default 700 KiB: the bus must carry about 4/3 of it in one message, so raise the bus's
/// `--max-message-bytes` with it) and `--assistant-url URL` (marquee-assistant's HTTP address, for
/// `POST /api/assistant` and the chat page; without it they answer 503), `--assistant-token-file FILE` (the
/// assistant's caller token, which it requires when started with `--caller-token-file`) and `--assistant-timeout-ms N`
/// (how long a chat message waits for the assistant, default 15000).
///
/// One `EventConsumer` folds the line's facts, rejections and QA reports into `<data>/gateway.sqlite`; the outbox
/// relay publishes the requests and commands people send; the ``OpsFeed`` follows the live bus for the dashboard's
/// ops page. On the first start it creates the users — `admin` and the rules' people — and prints each one-time
/// password once. Returns the exit code: 0 after a clean shutdown,
/// 1 when it failed, 2 for a bad command line or config.
public enum GatewayService {
    /// The CloudEvents source of what it publishes.
    public static let source = "marquee/gateway"

    public static func main(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Int32 {
        var rest: [String] = []
        var secureCookies = false
        var answerTimeout = Duration.seconds(5)
        var passwordCost: UInt8 = 12
        var maxUploadBytes = GatewayRoutes.defaultMaxUploadBytes
        var assistantURL: URL?
        var assistantTimeout = Duration.seconds(15)
        var assistantToken: String?
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--secure-cookies":
                secureCookies = true
            case "--answer-timeout-ms":
                guard let value = remaining.popFirst().flatMap(Int.init), value > 0 else {
                    return usage("--answer-timeout-ms needs a number")
                }
                answerTimeout = .milliseconds(value)
            case "--password-cost":
                guard let value = remaining.popFirst().flatMap(UInt8.init), (10...16).contains(value) else {
                    return usage("--password-cost needs a number from 10 to 16")
                }
                passwordCost = value
            case "--max-upload-bytes":
                guard let value = remaining.popFirst().flatMap(Int.init), (1...(47 << 20)).contains(value) else {
                    return usage("--max-upload-bytes needs a number from 1 to \(47 << 20)")
                }
                maxUploadBytes = value
            case "--assistant-url":
                guard let value = remaining.popFirst().flatMap(URL.init(string:)), ["http", "https"].contains(value.scheme),
                    value.host != nil
                else {
                    return usage("--assistant-url needs an http(s) URL such as http://127.0.0.1:7785")
                }
                assistantURL = value
            case "--assistant-token-file":
                guard let file = remaining.popFirst(),
                    let token = (try? String(contentsOfFile: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines),
                    !token.isEmpty
                else {
                    return usage("--assistant-token-file needs a readable file holding the assistant's caller token")
                }
                assistantToken = token
            case "--assistant-timeout-ms":
                guard let value = remaining.popFirst().flatMap(Int.init), value > 0 else {
                    return usage("--assistant-timeout-ms needs a number")
                }
                assistantTimeout = .milliseconds(value)
            default:
                rest.append(argument)
            }
        }
        let runtime: ServiceRuntime
        let rules: Rules
        do {
            runtime = try ServiceRuntime.bootstrap(name: "gateway", arguments: rest, flags: flags)
            rules = try RulesFile.load(runtime.options.configPath)
        } catch {
            return usage("\(error)")
        }
        do {
            let store = try runtime.openStore { GatewayStore.register(&$0) }
            let users = UserDirectory(store: store, hasher: PasswordHasher(cost: passwordCost))
            for (user, password) in try await users.seedIfEmpty(people: rules.people) {
                FileHandle.standardOutput.write(Data("marquee-gateway user \(user.id) one-time password \(password)\n".utf8))
            }
            let changes = CampaignChanges()
            let consumer = EventConsumer(
                service: "gateway", store: store, endpoints: runtime.options.bus, prefixes: ReadModelHandler.prefixes,
                handler: ReadModelHandler(rules: rules, changes: changes), logger: runtime.logger)
            let publisher = try Publisher(bus: runtime.options.bus, logger: runtime.logger)
            let relay = runtime.outboxRelay(store: store, publisher: publisher)
            let control = try BusControl(bus: runtime.options.bus, timeoutMilliseconds: 1000, logger: runtime.logger)
            let ops = OpsFeed(endpoints: runtime.options.bus, control: control, store: store, logger: runtime.logger)
            let endpoint = GatewayEndpoint(
                host: runtime.options.httpHost, port: runtime.options.httpPort, registry: runtime.registry,
                health: ServiceHealth(service: "gateway", store: store, control: control, logger: runtime.logger),
                routes: GatewayRoutes(
                    store: store, rules: rules, users: users, changes: changes, clock: .system, answerTimeout: answerTimeout,
                    secureCookies: secureCookies, maxUploadBytes: maxUploadBytes, ops: ops,
                    assistant: assistantURL.map { AssistantClient(baseURL: $0, timeout: assistantTimeout, token: assistantToken) }, logger: runtime.logger),
                onReady: { address in FileHandle.standardOutput.write(Data("marquee-gateway ready http=\(address)\n".utf8)) },
                logger: runtime.logger)
            try await runtime.run(relay, consumer, ops, endpoint)
            await publisher.close()
            return 0
        } catch {
            runtime.logger.critical("stopped", metadata: [LogKey.error: "\(error)"])
            FileHandle.standardError.write(Data("marquee-gateway: \(error)\n".utf8))
            return 1
        }
    }

    /// Its own flags, for `--help`.
    static let flags = [
        ServiceFlag("--secure-cookies", "always mark the session cookie Secure (default: over https or X-Forwarded-Proto: https)"),
        ServiceFlag("--answer-timeout-ms N", "how long a command waits for the station's answer before 202 (default 5000)"),
        ServiceFlag("--password-cost N", "bcrypt work factor of new passwords, 10-16 (default 12)"),
        ServiceFlag("--max-upload-bytes N", "largest document upload (default 716800)"),
        ServiceFlag("--assistant-url URL", "the assistant, for POST /api/assistant and the chat page"),
        ServiceFlag("--assistant-token-file FILE", "the assistant's caller token"),
        ServiceFlag("--assistant-timeout-ms N", "how long an assistant answer may take (default 15000)"),
    ]

    private static func usage(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("marquee-gateway: \(message)\n".utf8))
        return 2
    }
}
