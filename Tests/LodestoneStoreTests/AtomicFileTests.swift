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

    /// A device, a FIFO or a link to one is written into, never replaced, with or without force.
    @Test func specialFilesAreWrittenIntoNeverReplaced() throws {
        let folder = Fixtures.temporaryDirectory()
        let link = folder.appendingPathComponent("null-link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        for force in [false, true] {
            try AtomicFile.write(Data("x".utf8), to: "/dev/null", force: force)
            try AtomicFile.write(Data("x".utf8), to: link, force: force)
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/dev/null", "the link is still a link")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null is still a device")
        // A FIFO with a reader gets the bytes.
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = LockedBox<Data>(Data())
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) { received.set(handle.readDataToEndOfFile()) }
        }
        reader.start()
        try AtomicFile.write(Data("through the pipe".utf8), to: fifo, force: true)
        for _ in 0..<200 where received.get().isEmpty { usleep(10_000) }
        #expect(String(decoding: received.get(), as: UTF8.self) == "through the pipe")
        var fifoInfo = stat()
        #expect(lstat(fifo, &fifoInfo) == 0 && (fifoInfo.st_mode & S_IFMT) == S_IFIFO, "the FIFO is still a FIFO")
        // /dev/full reports the full device instead of being replaced.
        #expect { try AtomicFile.write(Data("x".utf8), to: "/dev/full", force: true) } throws: { "\($0)".contains("no space left") }
    }
}

final class LockedBox<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ value: T) { self.value = value }
    func get() -> T { lock.lock(); defer { lock.unlock() }; return value }
    func set(_ new: T) { lock.lock(); value = new; lock.unlock() }
}
