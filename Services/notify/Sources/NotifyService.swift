import Bus
import Domain
import Foundation
import Logging
import RulesConfig
import ServiceKit
import ServiceLifecycle

/// Runs `marquee-notify`: ServiceKit's flags plus `--notify-config FILE` (channels and preferences, see
/// docs/notify.md), `--dashboard-url URL` (overrides the file's `dashboard_url`) and `--poll-ms N` (how often the
/// channel workers look for due messages, default 1000).
///
/// One `EventConsumer` (consumer `notify`) reads campaign facts, escalations and QA reports into
/// `<data>/notify.sqlite` and decides every notification once; the outbox relay publishes the inbox
/// notifications and `notification.failed`; the ``DueSoonTicker`` warns of SLAs due soon every minute; one
/// ``DeliveryWorker`` per outgoing channel sends email and webhooks. Returns the exit code: 0 after a clean shutdown, 1 when it failed, 2 for a bad command line or config.
public enum NotifyService {
    /// The CloudEvents source of what it publishes.
    public static let source = "marquee/notify"

    public static func main(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Int32 {
        var rest: [String] = []
        var configPath: String?
        var dashboardURL: String?
        var poll = Duration.seconds(1)
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--notify-config":
                guard let value = remaining.popFirst(), !value.isEmpty else { return usage("--notify-config needs a file") }
                configPath = value
            case "--dashboard-url":
                guard let value = remaining.popFirst(), URL(string: value)?.scheme != nil else {
                    return usage("--dashboard-url needs a URL")
                }
                dashboardURL = value
            case "--poll-ms":
                guard let value = remaining.popFirst().flatMap(Int.init), value > 0 else { return usage("--poll-ms needs a number") }
                poll = .milliseconds(value)
            default:
                rest.append(argument)
            }
        }
        let runtime: ServiceRuntime
        let rules: Rules
        let config: NotifyConfig
        let channels: [any NotificationChannel]
        do {
            runtime = try ServiceRuntime.bootstrap(name: "notify", arguments: rest, flags: flags)
            rules = try RulesFile.load(runtime.options.configPath)
            var loaded = try NotifyConfig.load(configPath)
            if let dashboardURL { loaded.dashboardURL = dashboardURL }
            config = loaded
            channels = try makeChannels(config)
        } catch {
            return usage("\(error)")
        }
        do {
            let store = try runtime.openStore { NotifyStore.register(&$0) }
            let wakeups = DeliveryWakeups(channels: channels.map(\.name))
            let consumer = EventConsumer(
                service: "notify", store: store, endpoints: runtime.options.bus, prefixes: NotifyHandler.prefixes,
                handler: NotifyHandler(rules: rules, config: config, wakeups: wakeups), logger: runtime.logger)
            let publisher = try Publisher(bus: runtime.options.bus, logger: runtime.logger)
            let relay = runtime.outboxRelay(store: store, publisher: publisher)
            let control = try BusControl(bus: runtime.options.bus, timeoutMilliseconds: 1000, logger: runtime.logger)
            let workers = channels.map { channel in
                DeliveryWorker(
                    channel: channel, store: store, policy: config.retry, wake: wakeups.signal(channel.name),
                    pollInterval: poll, logger: runtime.logger)
            }
            let ticker = DueSoonTicker(
                store: store, rules: rules, config: config, wakeups: wakeups, now: .system, interval: .seconds(60),
                catchUp: JournalCatchUp(control: control, consumer: "notify", prefixes: NotifyHandler.prefixes),
                logger: runtime.logger)
            let endpoint = runtime.statusEndpoint(
                health: ServiceHealth(service: "notify", store: store, control: control, logger: runtime.logger))
            runtime.logger.info(
                "notify configured",
                metadata: ["channels": "\(channels.map(\.name))", "dashboard": "\(config.dashboardURL)"])
            let services: [any Service] = [relay, consumer, ticker] + workers + [endpoint]
            try await runtime.run(services)
            await publisher.close()
            return 0
        } catch {
            runtime.logger.critical("stopped", metadata: [LogKey.error: "\(error)"])
            FileHandle.standardError.write(Data("marquee-notify: \(error)\n".utf8))
            return 1
        }
    }

    /// The outgoing channels `config` names, with their secrets read.
    static func makeChannels(_ config: NotifyConfig) throws -> [any NotificationChannel] {
        var channels: [any NotificationChannel] = []
        if let email = config.email {
            channels.append(try SMTPChannel(settings: email, password: try email.password()))
        }
        for webhook in config.webhooks {
            channels.append(WebhookChannel(webhook: webhook, endpoint: try webhook.endpoint(), key: try webhook.signingKey()))
        }
        return channels
    }

    /// Its own flags, for `--help`.
    static let flags = [
        ServiceFlag("--notify-config FILE", "channels, preferences and retries (YAML; without it: the inbox only)"),
        ServiceFlag("--dashboard-url URL", "where links in notifications point (wins over the file's dashboard_url)"),
        ServiceFlag("--poll-ms N", "how often delivery workers look for due messages (default 1000)"),
    ]

    private static func usage(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("marquee-notify: \(message)\n".utf8))
        return 2
    }
}
