// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "cares",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cares", targets: ["cares"]),
        .library(name: "TrainingKit", targets: ["TrainingKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "TrainingKit", dependencies: ["CYAML"]),
        .target(
            name: "TrainingStore",
            dependencies: [
                "TrainingKit", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "TrainingService", dependencies: ["TrainingKit", "TrainingStore"]),
        .target(name: "TrainingReports", dependencies: ["TrainingKit", "TrainingStore", "TrainingService", "CCurl"]),
        .executableTarget(
            name: "cares",
            dependencies: [
                "TrainingKit", "TrainingStore", "TrainingService", "TrainingReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "cares-bench",
            dependencies: [
                "TrainingKit", "TrainingStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Sources/cares-bench"
        ),
        .testTarget(name: "TrainingKitTests", dependencies: ["TrainingKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TrainingStoreTests", dependencies: ["TrainingStore"]),
        .testTarget(name: "TrainingServiceTests", dependencies: ["TrainingService", "TrainingKit", "TrainingStore"]),
        .testTarget(name: "TrainingReportsTests", dependencies: ["TrainingReports", "TrainingService", "TrainingKit", "TrainingStore"]),
        .testTarget(name: "caresTests", dependencies: ["cares", "TrainingKit", "TrainingStore"]),
    ],
    swiftLanguageModes: [.v6]
)
