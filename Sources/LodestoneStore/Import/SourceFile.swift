import Foundation

/// A release file named on the command line (a BACI, USGS or BGS file).
enum SourceFile {
    /// The file's bytes; a missing path or a folder is an error that says which file was expected.
    static func read(_ path: String, what: String) throws -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw StoreError.io(path: path, reason: "no such file — give \(what)")
        }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.io(path: path, reason: "cannot be read as a file — give \(what)")
        }
        return data
    }

    /// The fields of the first line, decoded as the USGS files are, for telling layouts apart.
    static func header(of data: Data) -> [String] {
        let firstLine = data.prefix(64 * 1024).split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false).first ?? Data()[...]
        let text = SourceText.utf8(fromWindows1252OrUTF8: Data(firstLine)).bytes
        return (try? CSVTable.parse(text, file: "header"))?.first ?? []
    }
}
