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
        .library(name: "Metrics", targets: ["Metrics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        .target(name: "Metrics"),
        .executableTarget(
            name: "groundwork",
            dependencies: [
                "Courseware",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `swift run -c release groundwork-bench`: Groundwork against bare libcmark.
        .executableTarget(
            name: "groundwork-bench",
            dependencies: ["Courseware"],
            path: "Benchmarks/groundwork-bench"
        ),
        .testTarget(
            name: "CoursewareTests",
            dependencies: ["Courseware"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "MetricsTests",
            dependencies: ["Metrics"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "groundworkTests",
            dependencies: ["groundwork"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
