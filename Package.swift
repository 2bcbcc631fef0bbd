// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Lodestone",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lodestone", targets: ["lodestone"]),
        .library(name: "LodestoneCore", targets: ["LodestoneCore"]),
        .library(name: "LodestoneStore", targets: ["LodestoneStore"]),
        .library(name: "LodestoneEngine", targets: ["LodestoneEngine"]),
        .library(name: "LodestoneServer", targets: ["LodestoneServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "LodestoneCore"),
        .target(
            name: "LodestoneStore",
            dependencies: ["LodestoneCore", "CSQLite", "CZlib"],
            resources: [.copy("Resources/Snapshot"), .copy("Resources/Scenarios"), .copy("Resources/Catalogue"), .copy("Resources/Backtest"), .copy("Resources/Planning")]
        ),
        // The LP/MILP solver behind Core's `LinearProgramSolver`: CBC, loaded at run time (no build dependency).
        .target(name: "LodestoneSolver", dependencies: ["LodestoneCore"]),
        .target(name: "LodestoneEngine", dependencies: ["LodestoneCore", "LodestoneStore", "LodestoneSolver"]),
        .target(
            name: "LodestoneServer",
            dependencies: [
                "LodestoneEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/Dashboard")]
        ),
        .executableTarget(
            name: "lodestone",
            dependencies: [
                // The CLI reaches data only through the engine (CI builds with
                // --explicit-target-dependency-import-check error, so an import of Core or Store here fails).
                "LodestoneEngine", "LodestoneServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "LodestoneTestSupport", dependencies: ["LodestoneCore", "LodestoneStore", "CSQLite"]),
        .testTarget(name: "LodestoneCoreTests", dependencies: ["LodestoneCore", "LodestoneStore", "LodestoneTestSupport"]),
        .testTarget(name: "LodestoneStoreTests", dependencies: ["LodestoneCore", "LodestoneStore", "LodestoneTestSupport"]),
        .testTarget(name: "LodestoneParityTests", dependencies: ["LodestoneCore", "LodestoneStore", "LodestoneTestSupport"]),
        .testTarget(name: "LodestoneCLITests", dependencies: ["LodestoneTestSupport", "LodestoneEngine", "lodestone"]),
        .testTarget(name: "LodestoneEngineTests", dependencies: ["LodestoneCore", "LodestoneEngine", "LodestoneStore", "LodestoneSolver", "LodestoneTestSupport"]),
        .testTarget(name: "LodestonePlanningTests", dependencies: ["LodestoneCore", "LodestoneStore", "LodestoneSolver", "LodestoneTestSupport"]),
        .testTarget(
            name: "LodestoneServerTests",
            dependencies: [
                "LodestoneServer", "LodestoneEngine",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
