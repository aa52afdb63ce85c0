import Bus
import Foundation
import Logging
import ServiceKit
import Testing

@Suite struct ServiceOptionsTests {
    @Test func defaultsNameTheServiceDataDirectoryAndLocalBus() throws {
        let options = try ServiceOptions.parse([], name: "intake")
        #expect(options.dataDirectory == "var/intake")
        #expect(options.bus == .local())
        #expect(options.httpPort == 0)
        #expect(options.configPath == nil)
    }

    @Test func everyFlagIsRead() throws {
        let options = try ServiceOptions.parse(
            [
                "--bus-ingress", "tcp://10.0.0.1:1", "--bus-fanout=tcp://10.0.0.1:2",
                "--bus-control", "tcp://10.0.0.1:3", "--bus-group", "tcp://10.0.0.1:4",
                "--data", "/tmp/d", "--config", "rules.yaml", "--http", "0.0.0.0:9100", "--log-level", "debug",
                "--outbox-keep-hours", "24",
            ], name: "build")
        #expect(
            options.bus
                == BusEndpoints(
                    ingress: "tcp://10.0.0.1:1", fanout: "tcp://10.0.0.1:2", control: "tcp://10.0.0.1:3",
                    group: "tcp://10.0.0.1:4"))
        #expect(options.dataDirectory == "/tmp/d")
        #expect(options.configPath == "rules.yaml")
        #expect(options.httpHost == "0.0.0.0")
        #expect(options.httpPort == 9100)
        #expect(options.logLevel == .debug)
        #expect(options.outboxKeep == .seconds(24 * 3600))
        #expect(try ServiceOptions.parse(["--outbox-keep-hours", "0"], name: "build").outboxKeep == nil)
        #expect(try ServiceOptions.parse([], name: "build").outboxKeep == .seconds(7 * 24 * 3600))
    }

    @Test(arguments: [
        (["--bogus", "1"], ServiceOptionsError.unknownFlag("--bogus")),
        (["--data"], .missingValue(flag: "--data")),
        (["--http", "9100"], .invalidValue(flag: "--http", value: "9100", expected: "HOST:PORT")),
        (["--http", "host:70000"], .invalidValue(flag: "--http", value: "host:70000", expected: "HOST:PORT")),
        (["stray"], .unexpectedArgument("stray")),
        (["--outbox-keep-hours", "-1"], .invalidValue(flag: "--outbox-keep-hours", value: "-1", expected: "a number of hours (0 keeps every row)")),
    ])
    func badCommandLinesAreRefusedWithOneSentence(_ arguments: [String], _ expected: ServiceOptionsError) {
        #expect(throws: expected) { try ServiceOptions.parse(arguments, name: "intake") }
    }

    @Test(arguments: [["--help"], ["-h"], ["--data", "var/x", "--help"], ["--help", "--bogus"]])
    func helpIsRequestedAnywhere(_ arguments: [String]) {
        #expect(throws: ServiceOptionsError.helpRequested) { try ServiceOptions.parse(arguments, name: "intake") }
    }

    @Test func helpListsTheServiceFlagsThenEveryCommonFlagTheParserReads() throws {
        let text = ServiceOptions.help(name: "qa", flags: [ServiceFlag("--worker-id ID", "this replica's id")])
        #expect(text.hasPrefix("usage: marquee-qa [options]"))
        let own = try #require(text.range(of: "--worker-id ID"))
        let common = try #require(text.range(of: "--bus-ingress URL"))
        #expect(own.lowerBound < common.lowerBound)
        for flag in ServiceOptions.commonFlags where flag.usage != "--help" {
            #expect(text.contains(flag.usage))
            let name = String(flag.usage.split(separator: " ")[0])
            // A value each flag accepts: the parser must know every flag the help lists.
            let value = name == "--http" ? "127.0.0.1:0" : name == "--log-level" ? "debug" : "x"
            let pair = name == "--bus-server-key" ? [name, value, "--bus-key", value] : [name, value]
            do {
                _ = try ServiceOptions.parse(pair, name: "qa")
            } catch {
                #expect(error != .unknownFlag(name), "the help lists \(name), which the parser does not read")
            }
        }
    }
}
