// swift-tools-version: 6.2
import PackageDescription

/// Strict settings shared by every Swift target, applied in one loop below.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "Groundwork",
    products: [
        .executable(name: "groundwork", targets: ["groundwork"]),
        .library(name: "Courseware", targets: ["Courseware"]),
        .library(name: "GroundworkMetrics", targets: ["GroundworkMetrics"]),
        .library(name: "Grading", targets: ["Grading"]),
        .library(name: "Gradebook", targets: ["Gradebook"]),
        .library(name: "Readiness", targets: ["Readiness"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // The only door to C: libcmark from Debian's libcmark-dev.
        .systemLibrary(
            name: "GroundworkCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "Courseware",
            dependencies: ["GroundworkCMark"]
        ),
        // Named with the project prefix: Hummingbird brings swift-metrics, whose module is `Metrics`.
        .target(name: "GroundworkMetrics"),
        // Assessments, item kinds, gold answers, scoring with feedback (YAML through Yams).
        .target(
            name: "Grading",
            dependencies: ["GroundworkMetrics", "Courseware", .product(name: "Yams", package: "Yams")]
        ),
        // Other tools' files (COCO, Label Studio, CoNLL/IOB2) in and out of Groundwork tests.
        .target(
            name: "Interop",
            dependencies: ["Grading", "Courseware", "GroundworkMetrics", .product(name: "Yams", package: "Yams")]
        ),
        // A learner's attempts, answers and lesson progress in SQLite (libsqlite3-dev), or in
        // PostgreSQL for a class on several servers (postgres-nio, on NIO's own threads).
        .target(
            name: "Gradebook",
            dependencies: [
                "Grading",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                // Only the bcrypt hasher (a small C library), for the class server's passwords.
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                // SHA-256 of session tokens (swift-crypto is already in the graph through postgres-nio).
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Self-assessment: readiness per platform, pace and hourly rate, from the gradebook.
        .target(
            name: "Readiness",
            dependencies: ["Courseware", "Grading", "Gradebook"]
        ),
        // The web app: Hummingbird routes, pages from Mustache templates, the JSON API, and the
        // static files (CSS, vanilla JS widgets) it serves itself.
        .target(
            name: "GroundworkWeb",
            dependencies: [
                "Courseware",
                "Grading",
                "Gradebook",
                "Readiness",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates"), .copy("Public")]
        ),
        .executableTarget(
            name: "groundwork",
            dependencies: [
                "Courseware",
                "Grading",
                "Gradebook",
                "GroundworkWeb",
                "Interop",
                "Readiness",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `swift run -c release groundwork-bench`: Groundwork against bare libcmark.
        .executableTarget(
            name: "groundwork-bench",
            dependencies: ["Courseware"],
            path: "Benchmarks/groundwork-bench"
        ),
        // `swift run -c release metrics-bench`: Metrics against the Python reference tools
        // (Grading only for its JSONValue, to read the reference results).
        .executableTarget(
            name: "metrics-bench",
            dependencies: ["GroundworkMetrics", "Grading"],
            path: "Benchmarks/metrics-bench"
        ),
        // `Benchmarks/gradebook.sh`: a gradebook of 10,000 attempts built through the library,
        // to time `take`, `report` and `history` against.
        .executableTarget(
            name: "gradebook-bench",
            dependencies: ["Gradebook", "Grading"],
            path: "Benchmarks/gradebook-bench"
        ),
        // `swift run -c release waveform-bench FILE.wav`: the web app's waveform peaks of a clip.
        .executableTarget(
            name: "waveform-bench",
            dependencies: ["GroundworkWeb"],
            path: "Benchmarks/waveform-bench"
        ),
        // Fuzzing: the mutator and the harness that feeds every reader, shared by the test
        // suite's short run and `scripts/fuzz`, the long one (`groundwork-fuzz`).
        .target(name: "GroundworkFuzz", dependencies: ["Courseware", "Grading", "TestSupport"], path: "Fuzz/GroundworkFuzz"),
        .executableTarget(name: "groundwork-fuzz", dependencies: ["GroundworkFuzz"], path: "Fuzz/groundwork-fuzz"),
        // Helpers every test target may use (a temporary folder, a seeded generator), as test targets
        // cannot share files.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "CoursewareTests",
            dependencies: ["Courseware", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "MetricsTests",
            dependencies: ["GroundworkMetrics", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GradingTests",
            dependencies: ["Grading", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "InteropTests",
            dependencies: ["Interop", "Grading", "TestSupport", "GroundworkFuzz", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GradebookTests",
            dependencies: ["Gradebook", "Grading", "Courseware", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "ReadinessTests",
            dependencies: ["Readiness", "Gradebook", "Grading", "Courseware", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GroundworkWebTests",
            dependencies: [
                "GroundworkWeb", "Gradebook", "Grading", "Courseware", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "FuzzTests",
            dependencies: ["GroundworkFuzz", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "groundworkTests",
            dependencies: ["groundwork", "TestSupport"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
