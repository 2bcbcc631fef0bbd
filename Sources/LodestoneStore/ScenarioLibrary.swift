import Foundation
import LodestoneCore

/// The bundled real-event presets and default market parameters, and user files in the same format.
public enum ScenarioLibrary {
    private static var folder: URL? { Bundle.module.url(forResource: "Scenarios", withExtension: nil) }

    /// Every preset, sorted by effective date.
    public static func presets() throws -> [ScenarioDefinition] {
        guard let events = folder?.appendingPathComponent("events") else { return [] }
        let files = try FileManager.default.contentsOfDirectory(atPath: events.path).filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { try definition(at: events.appendingPathComponent($0).path) }
            .sorted { ($0.effective ?? "", $0.name) < ($1.effective ?? "", $1.name) }
    }

    public static func definition(at path: String) throws -> ScenarioDefinition {
        try decode(ScenarioDefinition.self, at: path, what: "scenario")
    }

    /// The bundled defaults, or the user's file.
    public static func marketParameters(at path: String? = nil) throws -> MarketParameters {
        guard let path = path ?? folder?.appendingPathComponent("market-parameters.json").path else {
            throw StoreError.io(path: "market-parameters.json", reason: "the bundled parameter file is missing — pass --parameters FILE")
        }
        return try decode(MarketParameters.self, at: path, what: "market parameter")
    }

    /// The bundled restriction-probability model, or the user's file.
    public static func riskModel(at path: String? = nil) throws -> RestrictionRiskModel {
        guard let path = path ?? folder?.appendingPathComponent("risk-model.json").path else {
            throw StoreError.io(path: "risk-model.json", reason: "the bundled risk model is missing — pass --risk-model FILE")
        }
        return try decode(RestrictionRiskModel.self, at: path, what: "risk model")
    }

    /// The record of past restrictions: every preset, resolved against the data.
    public static func history(in dataset: Dataset) throws -> [RestrictionScenario] {
        try presets().map { try $0.resolve(in: dataset) }
    }

    private static func decode<T: Decodable>(_ type: T.Type, at path: String, what: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.io(path: path, reason: "cannot read the \(what) file") }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw StoreError.io(path: path, reason: "not a valid \(what) file: missing '\(key.stringValue)'\(where_(context))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw StoreError.io(path: path, reason: "not a valid \(what) file: wrong type\(where_(context))")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw StoreError.io(path: path, reason: "not a valid \(what) file: \(context.debugDescription)\(where_(context))")
        } catch {
            throw StoreError.io(path: path, reason: "not a valid \(what) file (malformed JSON)")
        }
    }

    private static func where_(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? "" : " at '\(path)'"
    }
}
