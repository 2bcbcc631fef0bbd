import Foundation
import LodestoneCore
import LodestoneEngine
import LodestoneStore

// Times the full GeoPolRisk grid in stages — load the store, compute every importer × commodity
// × year, render the CSV `lodestone grid` writes — and reports medians over --runs and the
// process's peak memory.
// Usage: LodestoneBench --store PATH [--runs N]   (build with -c release)
// With --priorities DRAWS [--for IMPORTER], times only the Monte Carlo of `lodestone priorities`.

func argument(_ name: String) -> String? {
    guard let index = CommandLine.arguments.firstIndex(of: name), index + 1 < CommandLine.arguments.count else { return nil }
    return CommandLine.arguments[index + 1]
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Peak resident set size of this process, from /proc (Linux).
func peakMemoryMB() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
    return kb / 1024
}

guard let storePath = argument("--store") else {
    FileHandle.standardError.write(Data("usage: LodestoneBench --store PATH [--runs N] [--priorities DRAWS [--for IMPORTER]]\n".utf8))
    exit(64)
}
let runs = Int(argument("--runs") ?? "5") ?? 5
if let draws = argument("--priorities").flatMap(Int.init) {
    do {
        let dataset = try SQLiteStore(path: storePath, create: false).loadDataset()
        let loadedMB = peakMemoryMB() ?? -1
        let buyer = try dataset.resolveImporter(argument("--for") ?? "USA")
        let year = dataset.latestAssessableYear ?? 0
        let model = try ScenarioLibrary.riskModel(), parameters = try ScenarioLibrary.marketParameters()
        let history = try ScenarioLibrary.history(in: dataset)
        var times: [Double] = [], commodities = 0
        for _ in 0..<runs {
            times.append(try seconds {
                commodities = try dataset.simulateRestrictionRisk(for: buyer, year: year, draws: draws, seed: 2025, model: model,
                                                                  parameters: parameters, history: history).commodities.count
            })
        }
        let report: [String: Double] = [
            "draws": Double(draws), "runs": Double(runs), "commodities": Double(commodities),
            "priorities_seconds_median": median(times), "peak_rss_mb": peakMemoryMB() ?? -1, "rss_after_load_mb": loadedMB,
            "estimated_simulation_mb": Double(RestrictionRisk.estimatedMemoryBytes(draws: draws, commodities: commodities)) / 1_048_576,
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("LodestoneBench: \(error)\n".utf8))
        exit(1)
    }
}
var load: [Double] = [], cachedLoad: [Double] = [], compute: [Double] = [], render: [Double] = []
var rows = 0
// The trade cache in a folder of its own, filled by the first cached load (not timed).
let benchCache = TradeCache(folder: NSTemporaryDirectory() + "lodestone-bench-cache-\(getpid())")
defer { try? FileManager.default.removeItem(atPath: benchCache.folder) }
var scenarioTimes: [Double] = [], impactCount = 0
do {
    for _ in 0..<runs {
        var dataset: Dataset!
        load.append(try seconds { dataset = try SQLiteStore(path: storePath, create: false).loadDataset() })
        _ = try SQLiteStore(path: storePath, create: false).loadDataset(cache: benchCache)
        cachedLoad.append(try seconds { dataset = try SQLiteStore(path: storePath, create: false).loadDataset(cache: benchCache) })
        // The grid as `lodestone grid` computes and writes it: the engine's report, its CSV.
        let engine = try Engine.open(storePath: storePath, cache: benchCache)
        var report: GridReport!
        compute.append(seconds { report = engine.grid(GridRequest(method: .lodestone, years: nil)) })
        var csv = ""
        render.append(try seconds { csv = try ReportRenderer.render(report, as: .csv) })
        rows = csv.isEmpty ? 0 : report.rows.count
        // One scenario — China withholds every traded commodity from everyone, extraterritorially —
        // for every importer and commodity.
        let china = try dataset.resolveCountry("CHN").code
        let scenario = RestrictionScenario(name: "bench", restricting: [china], commodities: dataset.commodities.filter(\.isTraded).map(\.id),
                                           targets: .everyone, severity: 1, extraterritorial: true)
        let parameters = try ScenarioLibrary.marketParameters()
        let importers = dataset.allImporters
        scenarioTimes.append(try seconds {
            impactCount = try dataset.run(scenario, year: 2024, for: importers, parameters: parameters).impacts.count
        })
    }
} catch {
    FileHandle.standardError.write(Data("LodestoneBench: \(error)\n".utf8))
    exit(1)
}
let report: [String: Double] = [
    "runs": Double(runs), "grid_rows": Double(rows),
    "load_seconds_median": median(load), "load_from_trade_cache_seconds_median": median(cachedLoad), "compute_seconds_median": median(compute), "render_seconds_median": median(render),
    "scores_per_second": Double(rows) / median(compute), "peak_rss_mb": peakMemoryMB() ?? -1,
    "scenario_all_importers_all_commodities_seconds_median": median(scenarioTimes), "scenario_impacts": Double(impactCount),
]
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
print(String(decoding: try encoder.encode(report), as: UTF8.self))
