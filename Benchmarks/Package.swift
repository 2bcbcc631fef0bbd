// swift-tools-version:6.0
// The benchmark harness, outside the main package so that `swift build` and `swift test` there
// never compile it. scripts/bench/*.sh build it with --package-path Benchmarks.
import Foundation
import PackageDescription

// A local package's identity is its folder's name ("lodestone" in a clone, whatever it was cloned as).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let lodestone = root.lastPathComponent.lowercased()

let package = Package(
    name: "LodestoneBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "LodestoneBench",
            dependencies: [
                .product(name: "LodestoneCore", package: lodestone),
                .product(name: "LodestoneStore", package: lodestone),
                .product(name: "LodestoneEngine", package: lodestone),
            ]
        ),
    ]
)
