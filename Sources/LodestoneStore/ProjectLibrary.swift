import Foundation
import LodestoneCore

/// The bundled candidate projects and planning parameters (Resources/Planning), or a user's files
/// in the same format. Every project row carries its source; a missing capex stays missing.
public enum ProjectLibrary {
    private static var folder: URL? { Bundle.module.url(forResource: "Planning", withExtension: nil) }
    public static let columns = ["id", "name", "owner", "country", "stage", "capacity_tonnes", "capacity_basis", "stage_factor", "status",
                                 "start_year", "capex_musd", "figure_date", "source", "url", "note"]

    public static func projects(at path: String? = nil) throws -> [Project] {
        guard let path = path ?? folder?.appendingPathComponent("projects.csv").path else {
            throw StoreError.io(path: "projects.csv", reason: "the bundled projects file is missing — pass the file explicitly")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.io(path: path, reason: "cannot read the file") }
        return try projects(data: data, file: path)
    }

    /// The projects in one file's bytes (`file` names it in messages).
    public static func projects(data: Data, file path: String) throws -> [Project] {
        let name = (path as NSString).lastPathComponent
        let rows = try CSVTable.parse(data, file: name).filter { !($0.count == 1 && $0[0].isEmpty) }
        guard let header = rows.first else { throw StoreError.io(path: path, reason: "the file is empty: expected a header row") }
        for column in header where !columns.contains(column) {
            throw StoreError.io(path: path, reason: "unknown column '\(column)': the columns are \(columns.joined(separator: ", "))")
        }
        for column in ["id", "stage", "capacity_tonnes", "status", "start_year", "source"] where !header.contains(column) {
            throw StoreError.io(path: path, reason: "missing column '\(column)' (the columns are \(columns.joined(separator: ", ")))")
        }
        var seen = Set<String>()
        return try rows.dropFirst().enumerated().map { index, fields in
            let row = Dictionary(zip(header, fields), uniquingKeysWith: { first, _ in first })
            func field(_ key: String) -> String { row[key] ?? "" }
            func fail(_ message: String) -> StoreError { .io(path: "\(name):\(index + 2)", reason: message) }
            let id = field("id")
            guard !id.isEmpty else { throw fail("'id' is empty") }
            guard seen.insert(id).inserted else { throw fail("id '\(id)' appears twice") }
            guard let capacity = Double(field("capacity_tonnes")), capacity.isFinite, capacity > 0 else {
                throw fail("capacity_tonnes must be a number of tonnes > 0, not '\(field("capacity_tonnes"))'")
            }
            let factorText = field("stage_factor")
            guard let factor = factorText.isEmpty ? 1 : Double(factorText), factor.isFinite, factor > 0 else {
                throw fail("stage_factor must be a number > 0 (tonnes of the stage's content per tonne of capacity), not '\(factorText)'")
            }
            guard let status = Project.Status(rawValue: field("status")) else {
                throw fail("status '\(field("status"))' must be one of \(Project.Status.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let start = Int(field("start_year")), (1950...2100).contains(start) else {
                throw fail("start_year must be a year, not '\(field("start_year"))'")
            }
            let capexText = field("capex_musd")
            var capex: Double?
            if !capexText.isEmpty {
                guard let value = Double(capexText), value.isFinite, value > 0 else {
                    throw fail("capex_musd must be millions of USD > 0, or empty when not published (never 0), not '\(capexText)'")
                }
                capex = value * 1e6
            }
            guard !field("source").isEmpty else { throw fail("'source' is empty: every project needs its source") }
            guard !field("stage").isEmpty else { throw fail("'stage' is empty: name the stage its output supplies, e.g. gallium:refined") }
            return Project(id: id, name: field("name"), owner: field("owner"), country: field("country"), stage: field("stage"),
                           capacityTonnes: capacity, capacityBasis: field("capacity_basis"), stageFactor: factor, status: status,
                           startYear: start, capexUSD: capex, figureDate: field("figure_date"), source: field("source"), url: field("url"),
                           note: field("note"))
        }
    }

    public static func planningParameters(at path: String? = nil) throws -> PlanningParameters {
        guard let path = path ?? folder?.appendingPathComponent("planning-parameters.json").path else {
            throw StoreError.io(path: "planning-parameters.json", reason: "the bundled planning parameters are missing — pass the file explicitly")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.io(path: path, reason: "cannot read the file") }
        do {
            let parameters = try JSONDecoder().decode(PlanningParameters.self, from: data)
            try parameters.validate()
            return parameters
        } catch let error as LodestoneError {
            throw StoreError.io(path: path, reason: error.description)
        } catch {
            throw StoreError.io(path: path, reason: "not a planning parameter file: \(error.localizedDescription)")
        }
    }
}

/// Natural Resources Canada's critical-minerals inventory (open.canada.ca dataset
/// 22b2db8a-dc12-47f2-9737-99d3da921751, Open Government Licence – Canada), as the JSON release
/// in `../shared/data/projects-nrcan`: name, operator, minerals, stage and status, no capacity,
/// capex or start year. Read into listings the planning commands show beside the cited projects.
public struct NRCanListing: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var operatorName: String
    public var primaryMineral: String
    public var minerals: [String]
    /// NRCan's stage: Advanced Project, Producing Mine, Advanced Processing Project, Processing Facility.
    public var stage: String
    /// Active, On hold / suspended.
    public var status: String
    public var province: String
    public var source: String

    /// The status a project of this NRCan stage has in the planning model.
    public var planningStatus: Project.Status { stage.hasPrefix("Producing") || stage.hasPrefix("Processing Facility") ? .operating : .feasibility }
    /// Mines supply the mine stage; processing projects the family's refined stage.
    public var isProcessing: Bool { stage.contains("Processing") }
}

extension ProjectLibrary {
    public static func nrcanListings(at path: String) throws -> [NRCanListing] {
        struct Raw: Decodable {
            var id: String?
            var name: String?
            var `operator`: String?
            var minerals: [String]?
            var primaryMineral: String?
            var stage: String?
            var status: String?
            var province: String?
            var source: String?
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.io(path: path, reason: "cannot read the file") }
        let raws: [Raw]
        do {
            raws = try JSONDecoder().decode([Raw].self, from: data)
        } catch {
            throw StoreError.io(path: path, reason: "not an NRCan inventory release (a JSON array of projects with name, stage, status): \(error.localizedDescription)")
        }
        return try raws.enumerated().map { index, raw in
            guard let name = raw.name, !name.isEmpty, let stage = raw.stage, !stage.isEmpty else {
                throw StoreError.io(path: "\((path as NSString).lastPathComponent)[\(index)]", reason: "a project without a name or stage")
            }
            return NRCanListing(id: raw.id ?? name, name: name, operatorName: raw.operator ?? "", primaryMineral: raw.primaryMineral ?? "",
                                minerals: raw.minerals ?? [], stage: stage, status: raw.status ?? "", province: raw.province ?? "",
                                source: raw.source ?? "NRCan Critical Minerals Inventory")
        }
    }
}
