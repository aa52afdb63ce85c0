// swift-tools-version:6.1
import PackageDescription

let log: Target.Dependency = .product(name: "Logging", package: "swift-log")
let lifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let deque: Target.Dependency = .product(name: "DequeModule", package: "swift-collections")
let signals: Target.Dependency = .product(name: "UnixSignals", package: "swift-service-lifecycle")
let yams: Target.Dependency = .product(name: "Yams", package: "Yams")
let metrics: Target.Dependency = .product(name: "Metrics", package: "swift-metrics")
let coreMetrics: Target.Dependency = .product(name: "CoreMetrics", package: "swift-metrics")
let prometheus: Target.Dependency = .product(name: "Prometheus", package: "swift-prometheus")
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let bcrypt: Target.Dependency = .product(name: "HummingbirdBcrypt", package: "hummingbird-auth")
let mustache: Target.Dependency = .product(name: "Mustache", package: "swift-mustache")
let nio: Target.Dependency = .product(name: "NIOCore", package: "swift-nio")
let nioPosix: Target.Dependency = .product(name: "NIOPosix", package: "swift-nio")
let nioSSL: Target.Dependency = .product(name: "NIOSSL", package: "swift-nio-ssl")

let package = Package(
    name: "marquee",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "marquee", targets: ["marquee"]),
        .executable(name: "marquee-bus", targets: ["marquee-bus"]),
        .executable(name: "marquee-bench", targets: ["marquee-bench"]),
        .executable(name: "marquee-intake", targets: ["marquee-intake"]),
        .executable(name: "marquee-build", targets: ["marquee-build"]),
        .executable(name: "marquee-approvals", targets: ["marquee-approvals"]),
        .executable(name: "marquee-launch", targets: ["marquee-launch"]),
        .executable(name: "marquee-qa", targets: ["marquee-qa"]),
        .executable(name: "marquee-qa-bench", targets: ["marquee-qa-bench"]),
        .executable(name: "marquee-line-bench", targets: ["marquee-line-bench"]),
        .executable(name: "marquee-qa-replicas-bench", targets: ["marquee-qa-replicas-bench"]),
        .executable(name: "marquee-reporting", targets: ["marquee-reporting"]),
        .executable(name: "marquee-gateway", targets: ["marquee-gateway"]),
        .executable(name: "marquee-reporting-bench", targets: ["marquee-reporting-bench"]),
        .executable(name: "marquee-notify", targets: ["marquee-notify"]),
        .executable(name: "marquee-notify-bench", targets: ["marquee-notify-bench"]),
        .executable(name: "marquee-library-bench", targets: ["marquee-library-bench"]),
        .executable(name: "marquee-assistant", targets: ["marquee-assistant"]),
        .executable(name: "marquee-gateway-bench", targets: ["marquee-gateway-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
    ],
    targets: [
        // MARK: Packages, lowest layer first.
        .systemLibrary(
            name: "CZMQ", path: "Packages/CZMQ", pkgConfig: "libzmq", providers: [.apt(["libzmq3-dev"])]),
        .target(name: "CCRC32C", path: "Packages/CCRC32C"),
        .systemLibrary(
            name: "CLibXML2", path: "Packages/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "ZeroMQ", dependencies: ["CZMQ"], path: "Packages/ZeroMQ"),
        .target(name: "Spawn", path: "Packages/Spawn"),
        .target(name: "Domain", path: "Packages/Domain"),
        .target(name: "Contracts", dependencies: ["Domain"], path: "Packages/Contracts"),
        .target(name: "QAEngine", dependencies: ["CLibXML2", "Domain"], path: "Packages/QAEngine"),
        .target(name: "AudienceConfig", dependencies: ["QAEngine", yams], path: "Packages/AudienceConfig"),
        .target(name: "RulesConfig", dependencies: ["Domain", yams], path: "Packages/RulesConfig"),
        .target(name: "BusProtocol", path: "Packages/BusProtocol"),
        .target(
            name: "Broker", dependencies: ["ZeroMQ", "CCRC32C", "BusProtocol", "Contracts", deque, log, coreMetrics],
            path: "Packages/Broker"),
        .target(name: "Bus", dependencies: ["ZeroMQ", "BusProtocol", "Contracts", deque, log], path: "Packages/Bus"),
        .target(
            name: "ServiceKit",
            dependencies: [
                "Bus", "Contracts", "Domain", log, lifecycle, signals, metrics, coreMetrics, prometheus, grdb, hummingbird,
            ],
            path: "Packages/ServiceKit"),
        .target(
            name: "StationKit",
            dependencies: ["ServiceKit", "Bus", "Contracts", "Domain", "RulesConfig", log, lifecycle, grdb, crypto],
            path: "Packages/StationKit"),

        // MARK: Executables: thin wiring over the libraries above.
        .target(
            name: "BusService", dependencies: ["Broker", "ServiceKit", log, lifecycle, signals, argumentParser, prometheus, yams],
            path: "Services/bus/Sources"),
        .executableTarget(name: "marquee-bus", dependencies: ["BusService", argumentParser], path: "Services/bus/Main"),
        .executableTarget(
            name: "marquee",
            dependencies: [
                "AudienceConfig", "BusService", "Broker", "Bus", "Contracts", "Domain", "QAEngine", "ReportingCLI", "RulesConfig",
                "Spawn", "ZeroMQ", log, argumentParser, yams,
            ],
            path: "Services/marquee"),
        .target(name: "IntakeStation", dependencies: ["StationKit", "ServiceKit", "Contracts", "Domain", grdb], path: "Services/intake/Sources"),
        .executableTarget(name: "marquee-intake", dependencies: ["IntakeStation", "StationKit", "Domain"], path: "Services/intake/Main"),
        .target(
            name: "BuildStation", dependencies: ["StationKit", "ServiceKit", "Contracts", "Domain", grdb, crypto],
            path: "Services/build/Sources"),
        .executableTarget(name: "marquee-build", dependencies: ["BuildStation", "StationKit", "Domain"], path: "Services/build/Main"),
        .executableTarget(name: "marquee-approvals", dependencies: ["StationKit", "Domain"], path: "Services/approvals/Main"),
        .executableTarget(name: "marquee-launch", dependencies: ["StationKit", "Domain"], path: "Services/launch/Main"),
        .target(
            name: "QAService",
            dependencies: [
                "AudienceConfig", "QAEngine", "RulesConfig", "ServiceKit", "StationKit", "Bus", "Contracts", "Domain", log,
                lifecycle, grdb, crypto,
            ],
            path: "Services/qa/Sources"),
        .executableTarget(name: "marquee-qa", dependencies: ["QAService", "ServiceKit"], path: "Services/qa/Main"),
        .executableTarget(
            name: "marquee-qa-bench", dependencies: ["QAEngine", "Domain"], path: "Benchmarks/qa",
            exclude: ["reference.py", "run"]),
        .target(
            name: "LineEndToEndSupport", dependencies: ["Bus", "Contracts", "Domain", "Spawn", "StationKit", log, crypto],
            path: "Tests/LineEndToEndSupport"),
        .executableTarget(
            name: "marquee-line-bench", dependencies: ["LineEndToEndSupport", "Bus", "Contracts", "Domain", log],
            path: "Benchmarks/line"),
        .target(name: "Reporting", dependencies: ["Domain", "Contracts"], path: "Packages/Reporting"),
        .target(name: "Assistant", dependencies: ["Domain"], path: "Packages/Assistant"),
        .target(name: "Library", dependencies: ["Domain", grdb, crypto], path: "Packages/Library"),
        .target(name: "ChatCompletions", dependencies: ["Assistant"], path: "Packages/ChatCompletions"),
        .target(
            name: "ReportingService",
            dependencies: [
                "Reporting", "ServiceKit", "StationKit", "RulesConfig", "Bus", "Contracts", "Domain", log, lifecycle, grdb,
                hummingbird, prometheus,
            ],
            path: "Services/reporting/Sources"),
        .executableTarget(name: "marquee-reporting", dependencies: ["ReportingService"], path: "Services/reporting/Main"),
        .target(
            name: "GatewayService",
            dependencies: [
                "ServiceKit", "RulesConfig", "Bus", "Contracts", "Domain", log, lifecycle, grdb, hummingbird, prometheus,
                crypto, bcrypt, mustache,
            ],
            path: "Services/gateway/Sources"),
        .executableTarget(name: "marquee-gateway", dependencies: ["GatewayService"], path: "Services/gateway/Main"),
        .target(
            name: "NotifyService",
            dependencies: [
                "ServiceKit", "StationKit", "RulesConfig", "Bus", "Contracts", "Domain", log, lifecycle, grdb, metrics,
                prometheus, crypto, yams, nio, nioPosix, nioSSL,
            ],
            path: "Services/notify/Sources"),
        .executableTarget(name: "marquee-notify", dependencies: ["NotifyService"], path: "Services/notify/Main"),
        .executableTarget(
            name: "marquee-notify-bench",
            dependencies: ["NotifyService", "ServiceKit", "Contracts", "Domain", grdb, log, nio, nioPosix],
            path: "Benchmarks/notify"),
        .target(
            name: "AssistantService",
            dependencies: [
                "Assistant", "Library", "ChatCompletions", "ServiceKit", "RulesConfig", "Bus", "Contracts", "Domain", log, lifecycle,
                grdb, hummingbird, prometheus,
            ],
            path: "Services/assistant/Sources"),
        .executableTarget(name: "marquee-assistant", dependencies: ["AssistantService"], path: "Services/assistant/Main"),
        .target(name: "ReportingCLI", dependencies: ["Reporting", argumentParser], path: "Services/reporting/CLI"),
        .target(
            name: "ReportingFixtures", dependencies: ["Reporting", "Domain", "Contracts"], path: "Tests/ReportingFixtures"),
        .executableTarget(
            name: "marquee-reporting-bench", dependencies: ["Reporting", "ReportingFixtures", "Contracts", "Domain"],
            path: "Benchmarks/reporting"),
        .executableTarget(
            name: "marquee-qa-replicas-bench", dependencies: ["LineEndToEndSupport", "Bus", "Contracts", "Domain", log],
            path: "Benchmarks/qa-replicas", exclude: ["run"]),
        .executableTarget(name: "marquee-library-bench", dependencies: ["Library", "Domain", grdb], path: "Benchmarks/library"),
        .executableTarget(
            name: "marquee-gateway-bench",
            dependencies: [
                "GatewayService", "ReportingFixtures", "ServiceKit", "Contracts", "Domain", grdb, log, lifecycle, prometheus, nio,
                hummingbird, .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Benchmarks/gateway"),
        .executableTarget(
            name: "marquee-bench", dependencies: ["Broker", "Bus", "ZeroMQ", log, argumentParser],
            path: "Benchmarks/bus"),

        // MARK: Tests
        .testTarget(
            name: "EndToEndTests", dependencies: ["Bus", "BusProtocol", "Broker", "Contracts", "Domain", "LineEndToEndSupport", "Spawn", crypto],
            path: "Tests/EndToEndTests"),
        .testTarget(
            name: "QAEngineTests", dependencies: ["QAEngine", "Domain"], path: "Tests/QAEngineTests",
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "AudienceConfigTests", dependencies: ["AudienceConfig", "QAEngine"], path: "Tests/AudienceConfigTests"),
        .testTarget(name: "RulesConfigTests", dependencies: ["RulesConfig", "Domain"], path: "Tests/RulesConfigTests"),
        .target(
            name: "ServiceTestKit", dependencies: ["ServiceKit", "Broker", "Bus", log, lifecycle, grdb],
            path: "Tests/ServiceTestKit"),
        .testTarget(
            name: "ServiceKitTests",
            dependencies: [
                "ServiceKit", "ServiceTestKit", "Broker", "Bus", "Contracts", "Domain", log, lifecycle, metrics, prometheus, grdb, hummingbird,
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/ServiceKitTests"),
        .testTarget(
            name: "LineTests",
            dependencies: ["StationKit", "BuildStation", "IntakeStation", "ServiceKit", "Bus", "Contracts", "Domain", "RulesConfig", grdb, log],
            path: "Tests/LineTests"),
        .testTarget(
            name: "SecurityTests", dependencies: ["Broker", "Bus", "BusProtocol", "BusService", "ServiceKit", "ZeroMQ", log],
            path: "Tests/SecurityTests"),
        .testTarget(
            name: "QAServiceTests",
            dependencies: [
                "QAService", "QAEngine", "AudienceConfig", "ServiceKit", "Broker", "Bus", "Contracts", "Domain", grdb, log,
            ],
            path: "Tests/QAServiceTests"),
        .testTarget(name: "SpawnTests", dependencies: ["Spawn"], path: "Tests/SpawnTests"),
        .testTarget(name: "QACLITests", dependencies: ["LineEndToEndSupport"], path: "Tests/QACLITests"),
        .testTarget(
            name: "LineEndToEndTests", dependencies: ["LineEndToEndSupport", "Bus", "Contracts", "Domain", log],
            path: "Tests/LineEndToEndTests"),
        .testTarget(
            name: "ReportingTests", dependencies: ["Reporting", "ReportingFixtures", "Domain", "Contracts"],
            path: "Tests/ReportingTests"),
        .testTarget(
            name: "ReportingServiceTests",
            dependencies: [
                "ReportingService", "ReportingCLI", "ReportingFixtures", "Reporting", "ServiceKit", "ServiceTestKit", "Broker", "Bus",
                "Contracts", "Domain", grdb, log, lifecycle, hummingbird, prometheus, argumentParser,
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/ReportingServiceTests"),
        .testTarget(
            name: "GatewayTests",
            dependencies: [
                "GatewayService", "Bus", "ServiceKit", "ServiceTestKit", "Contracts", "Domain", grdb, log, yams, hummingbird,
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/GatewayTests"),
        .testTarget(
            name: "NotifyTests",
            dependencies: [
                "NotifyService", "ServiceKit", "ServiceTestKit", "Contracts", "Domain", "RulesConfig", grdb, log, crypto,
                nio, nioPosix,
            ],
            path: "Tests/NotifyTests"),
        .testTarget(name: "AssistantTests", dependencies: ["Assistant", "Domain"], path: "Tests/AssistantTests"),
        .testTarget(
            name: "ChatCompletionsTests",
            dependencies: ["ChatCompletions", "Assistant", hummingbird, .product(name: "HummingbirdTesting", package: "hummingbird")],
            path: "Tests/ChatCompletionsTests"),
        .testTarget(
            name: "AssistantServiceTests",
            dependencies: [
                "AssistantService", "Assistant", "Library", "ServiceKit", "ServiceTestKit", "Contracts", "Domain", grdb, log,
                hummingbird, .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/AssistantServiceTests"),
        .testTarget(name: "LibraryTests", dependencies: ["Library", "Contracts", "Domain", grdb], path: "Tests/LibraryTests"),
        .testTarget(name: "BusTests", dependencies: ["Bus", "Broker", "BusProtocol", "ZeroMQ"], path: "Tests/BusTests"),
    ]
        + ["ZeroMQ", "Domain", "Contracts", "Broker"].map {
            .testTarget(name: "\($0)Tests", dependencies: [.target(name: $0)], path: "Tests/\($0)Tests")
        }
)

for target in package.targets where target.type != .system && target.name != "CCRC32C" {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"),
        ]
}
