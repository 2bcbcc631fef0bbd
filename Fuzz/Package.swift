// swift-tools-version:6.0
// libFuzzer targets for every reader of outside data. Built only with the fuzzer sanitizer
// (see ../scripts/fuzz.sh), so the main package's `swift build` and `swift test` never see them.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder (the checkout's name), so ask the folder.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let targets = ["FuzzZip", "FuzzSourceDatabase", "FuzzSnapshot", "FuzzScenarioJSON", "FuzzReader"]

let package = Package(
    name: "LodestoneFuzz",
    dependencies: [.package(path: "..")],
    targets: [.target(name: "FuzzDriver")] + targets.map { name in
        .executableTarget(
            name: name, dependencies: ["FuzzDriver", .product(name: "LodestoneStore", package: root)],
            // The entry point is <name>_main below, handing over to libFuzzer: no implicit main.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    }
)
