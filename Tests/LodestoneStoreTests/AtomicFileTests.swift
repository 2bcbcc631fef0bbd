import Foundation
@testable import LodestoneStore
import LodestoneTestSupport
import Testing

/// Finding 9 of issue 8: files appear whole or not at all, and links are never written through.
@Suite struct AtomicFileTests {
    @Test func aFolderThatFailsHalfWayLeavesNothing() throws {
        let root = Fixtures.temporaryDirectory()
        let folder = root.appendingPathComponent("snap").path
        let files: [(name: String, data: Data)] = [("a.csv", Data("1".utf8)), ("b/../../escape", Data("2".utf8))]
        #expect(throws: StoreError.self) { try AtomicFile.writeFolder(files, to: folder, force: false, replaceable: ["a.csv"]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty, "no folder, no temporary left")
    }

    @Test func aFileIsNeverWrittenThroughALink() throws {
        let root = Fixtures.temporaryDirectory()
        let target = root.appendingPathComponent("target").path, link = root.appendingPathComponent("link").path
        FileManager.default.createFile(atPath: target, contents: Data("keep".utf8))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: StoreError.self) { try AtomicFile.write(Data("new".utf8), to: link, force: false) }
        try AtomicFile.write(Data("new".utf8), to: link, force: true)
        #expect(FileManager.default.contents(atPath: target) == Data("keep".utf8))
        #expect(FileManager.default.contents(atPath: link) == Data("new".utf8))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)) == ["target", "link"])
    }

    @Test func aPreviousSnapshotIsReplacedOnlyWithForce() throws {
        let folder = Fixtures.temporaryDirectory().appendingPathComponent("snap").path
        try AtomicFile.writeFolder([("a.csv", Data("1".utf8))], to: folder, force: false, replaceable: ["a.csv"])
        #expect(throws: StoreError.self) { try AtomicFile.writeFolder([("a.csv", Data("2".utf8))], to: folder, force: false, replaceable: ["a.csv"]) }
        try AtomicFile.writeFolder([("a.csv", Data("2".utf8))], to: folder, force: true, replaceable: ["a.csv"])
        #expect(FileManager.default.contents(atPath: folder + "/a.csv") == Data("2".utf8))
    }
}
