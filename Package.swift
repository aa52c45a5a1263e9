// swift-tools-version: 6.2
import PackageDescription

/// Settings shared by every target: Swift 6 language mode (the tools version's default) with strict
/// concurrency, plus the upcoming features the house style turns on.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "vaani-dialer",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "vaani-dialer", targets: ["VaaniDialerCLI"]),
        .executable(name: "vaani-dialer-bench", targets: ["VaaniDialerBench"]),
        .library(name: "VaaniAPI", targets: ["VaaniAPI"]),
        .library(name: "VaaniSimulator", targets: ["VaaniSimulator"]),
        .library(name: "PhoneNumbers", targets: ["PhoneNumbers"]),
        .library(name: "CampaignStore", targets: ["CampaignStore"]),
        .library(name: "SQLiteStore", targets: ["SQLiteStore"]),
        .library(name: "ContactImport", targets: ["ContactImport"]),
        .library(name: "CampaignEngine", targets: ["CampaignEngine"]),
        .library(name: "CampaignService", targets: ["CampaignService"]),
        .library(name: "CampaignReports", targets: ["CampaignReports"]),
        .library(name: "Webhooks", targets: ["Webhooks"]),
        .library(name: "SimulatorHarness", targets: ["SimulatorHarness"]),
        .library(name: "DialerServer", targets: ["DialerServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.2"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // MARK: API contract and client

        /// Types generated from `Sources/VaaniOpenAPI/openapi.yaml`, shared by client and simulator.
        .target(
            name: "VaaniOpenAPI",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            exclude: ["openapi.yaml", "openapi-generator-config.yaml"],
            swiftSettings: strictSettings
        ),
        /// The public, typed, async Swift client of the Vaani API.
        .target(
            name: "VaaniAPI",
            dependencies: [
                "VaaniOpenAPI",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["openapi-generator-config.yaml"],
            swiftSettings: strictSettings
        ),

        // MARK: Simulator

        /// A local Vaani API on Hummingbird: the demo's, the tests' and the benchmarks' server.
        .target(
            name: "VaaniSimulator",
            dependencies: [
                "VaaniOpenAPI", "JSONFormat",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["openapi-generator-config.yaml"],
            swiftSettings: strictSettings
        ),

        // MARK: Contacts

        /// Phone-number parsing and validation with libphonenumber's numbering plans; no dependencies.
        .target(name: "PhoneNumbers", swiftSettings: strictSettings),
        /// Writing CSV fields that spreadsheets show as text and never run; no dependencies.
        .target(name: "CSVFormat", swiftSettings: strictSettings),
        /// Escaping text for HTML pages (the reports, the dashboard); no dependencies.
        .target(name: "HTMLFormat", swiftSettings: strictSettings),
        /// Writing JSON string literals straight into byte buffers; no dependencies.
        .target(name: "JSONFormat", swiftSettings: strictSettings),
        /// Replacing a file whole: written under a temporary name beside it, renamed into place once
        /// complete (reports, rejects, recordings); no dependencies.
        .target(name: "FileReplacement", swiftSettings: strictSettings),
        /// The store interface: campaigns, contacts, attempts, leases, the do-not-call list and the
        /// engine's journal, as values and protocols that every store implements.
        .target(name: "CampaignStore", swiftSettings: strictSettings),
        /// The embedded store: every interface of `CampaignStore` over one SQLite file (GRDB).
        .target(
            name: "SQLiteStore",
            dependencies: [
                "CampaignStore", "JSONFormat",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        /// Streaming CSV import: reading, column detection, validation, dedup and suppression.
        .target(
            name: "ContactImport",
            dependencies: ["PhoneNumbers", "CampaignStore", "CSVFormat", "JSONFormat", "FileReplacement"],
            swiftSettings: strictSettings
        ),

        // MARK: Campaigns

        /// The scheduler: paced, bounded, backoff-aware, crash-safe dispatch.
        .target(
            name: "CampaignEngine",
            dependencies: [
                "VaaniAPI", "CampaignStore", "PhoneNumbers", "JSONFormat",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        /// Runs any number of campaigns of one store as a swift-service-lifecycle service: leases with
        /// an owner per runner, graceful shutdown of every runner.
        .target(
            name: "CampaignService",
            dependencies: [
                "CampaignEngine", "CampaignStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        /// CSV, JSON Lines and HTML reports of a campaign.
        .target(
            name: "CampaignReports",
            dependencies: ["CampaignStore", "CSVFormat", "HTMLFormat", "JSONFormat", "FileReplacement"],
            swiftSettings: strictSettings
        ),

        // MARK: Webhooks

        /// Signed Standard Webhooks events for the user's systems: the events and their stable ids, signing
        /// and verification, the retry schedule, the delivery state machine, the sender and the pre-dial check.
        .target(
            name: "Webhooks",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Server

        /// `vaani-dialer serve`: every running campaign of a store as one service, with an HTTP API, a live
        /// dashboard and Prometheus metrics, on Hummingbird.
        .target(
            name: "DialerServer",
            dependencies: [
                "CampaignEngine", "CampaignStore", "CampaignService", "CampaignReports", "ContactImport", "HTMLFormat",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["openapi.yaml"],
            swiftSettings: strictSettings
        ),

        // MARK: Command line

        /// Resolving the API key and base URL from command-line options and the environment under the
        /// transport policy (no key over plain http to another machine): for every executable.
        .target(
            name: "APIAccess",
            dependencies: ["VaaniAPI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "VaaniDialerCLI",
            dependencies: [
                "VaaniAPI", "VaaniSimulator", "PhoneNumbers", "CampaignStore", "SQLiteStore", "ContactImport",
                "CampaignEngine", "CampaignService", "CampaignReports", "SimulatorHarness", "APIAccess", "FileReplacement",
                "DialerServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),

        /// `vaani-dialer-bench`: the benchmark commands, apart from the shipped `vaani-dialer`.
        .executableTarget(
            name: "VaaniDialerBench",
            dependencies: [
                "APIAccess", "VaaniAPI", "PhoneNumbers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Simulator harness

        /// Starts the simulator on a free loopback port and talks to its control API: for the demo,
        /// the tests and the benchmarks.
        .target(
            name: "SimulatorHarness",
            dependencies: [
                "VaaniSimulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VaaniOpenAPITests",
            dependencies: ["VaaniOpenAPI", .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            resources: [.copy("Samples")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VaaniAPITests",
            dependencies: [
                "VaaniAPI", "VaaniSimulator", "SimulatorHarness",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VaaniSimulatorTests",
            dependencies: [
                "VaaniSimulator", "SimulatorHarness",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PhoneNumbersTests",
            dependencies: ["PhoneNumbers"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CSVFormatTests",
            dependencies: ["CSVFormat"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JSONFormatTests",
            dependencies: ["JSONFormat"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FileReplacementTests",
            dependencies: ["FileReplacement"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CampaignStoreTests",
            dependencies: ["CampaignStore", "SQLiteStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StoreConformanceTests",
            dependencies: ["CampaignStore", "SQLiteStore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ContactImportTests",
            dependencies: [
                "ContactImport", "CampaignStore", "SQLiteStore", "PhoneNumbers", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CampaignEngineTests",
            dependencies: [
                "CampaignEngine", "CampaignStore", "SQLiteStore", "VaaniAPI", "VaaniSimulator", "SimulatorHarness",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CampaignServiceTests",
            dependencies: [
                "CampaignService", "CampaignEngine", "CampaignStore", "SQLiteStore", "VaaniAPI", "VaaniSimulator",
                "SimulatorHarness",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CampaignReportsTests",
            dependencies: [
                "CampaignReports", "CampaignStore", "SQLiteStore", "HTMLFormat", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WebhooksTests",
            dependencies: [
                "Webhooks",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DialerServerTests",
            dependencies: [
                "DialerServer", "CampaignService", "CampaignEngine", "CampaignStore", "CampaignReports", "SQLiteStore",
                "VaaniAPI", "VaaniSimulator", "SimulatorHarness",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DialerCLITests",
            dependencies: [
                "VaaniDialerCLI", "APIAccess", "SimulatorHarness", "CampaignStore", "SQLiteStore", "ContactImport",
                "CampaignEngine", "VaaniAPI", "VaaniSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)

// MARK: Fuzzing

/// libFuzzer targets, built only by `scripts/fuzz.sh` (which sets `VAANI_FUZZ=1` and
/// `--sanitize fuzzer --sanitize address`): they have no `main`, libFuzzer provides it.
if Context.environment["VAANI_FUZZ"] != nil {
    package.targets += [
        .executableTarget(
            name: "FuzzAPIResponses",
            dependencies: ["VaaniOpenAPI"],
            path: "Fuzz/FuzzAPIResponses",
            swiftSettings: strictSettings + [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "FuzzCSVReader",
            dependencies: ["ContactImport"],
            path: "Fuzz/FuzzCSVReader",
            swiftSettings: strictSettings + [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "FuzzPhoneNumbers",
            dependencies: ["PhoneNumbers"],
            path: "Fuzz/FuzzPhoneNumbers",
            swiftSettings: strictSettings + [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "FuzzCampaignFile",
            dependencies: ["CampaignEngine"],
            path: "Fuzz/FuzzCampaignFile",
            swiftSettings: strictSettings + [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
}
