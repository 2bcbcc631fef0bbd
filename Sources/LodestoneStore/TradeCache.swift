import Foundation
import LodestoneCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// read(2), named apart from `TradeCache.read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(descriptor, buffer, count) }

/// A machine-local cache of a store's trade, so that a process after the first one skips the
/// scan of a million trade rows (most of a cold command's time).
///
/// One file per store state, named by a hash of the count every import writes into the database
/// header (`PRAGMA user_version`, read in the same transaction as the data it names), the store's
/// resolved path, inode, size and modification time, the size of its write-ahead log and its
/// provenance. A commit in WAL mode can leave the file's times and sizes as they were, so the
/// count is what makes a write give a new name and a cache never outlive the data it was made
/// from; the file's details catch changes made outside Lodestone. (The log's own time is left
/// out: each process that opens the store recreates it.) The file holds the Builder's trade
/// image, which is checked whole on reading; a missing, stale or damaged cache is ignored and
/// rebuilt. Writing is atomic and best effort — a read-only or full cache folder only costs speed.
///
/// Folder: $LODESTONE_CACHE_DIR, else $XDG_CACHE_HOME/lodestone, else ~/.cache/lodestone;
/// LODESTONE_CACHE_DIR=off turns it off.
public struct TradeCache: Sendable {
    public let folder: String
    /// Cache files kept per folder (the newest); older ones are removed when a new one is written.
    public static let filesKept = 4

    public init(folder: String) {
        self.folder = folder
    }

    /// The folder from the environment, or nil when turned off.
    public static var standard: TradeCache? {
        let environment = ProcessInfo.processInfo.environment
        if let dir = environment["LODESTONE_CACHE_DIR"], !dir.isEmpty {
            return dir == "off" ? nil : TradeCache(folder: (dir as NSString).expandingTildeInPath)
        }
        return TradeCache(folder: (UserDirectory.cache.path as NSString).appendingPathComponent("lodestone"))
    }

    /// The store's state as the file system sees it: resolved path, inode, size and modification
    /// time of the file, and the size of its write-ahead log; nil when it cannot be examined.
    public static func fingerprint(of storePath: String) -> String? {
        let resolved = (storePath as NSString).resolvingSymlinksInPath
        var info = stat()
        guard stat(resolved, &info) == 0 else { return nil }
        var wal = stat()
        let walSize = stat(resolved + "-wal", &wal) == 0 ? Int64(wal.st_size) : -1
        return "\(resolved)|\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(walSize)"
    }

    /// The cache file for a store state: its file-system fingerprint, the count every import writes
    /// (`PRAGMA user_version`, read in the same transaction as the data) and its provenance.
    func file(fingerprint: String, state: Int, provenance: [Provenance]) -> String {
        let sources = provenance.map { "\($0.dataset)|\($0.sha256)|\($0.importedAt)|\($0.rows)" }.joined(separator: ";")
        let name = SHA256.hex(of: Data("\(fingerprint)|\(state)|\(sources)|\(Dataset.Builder.imageVersionText)".utf8))
        return (folder as NSString).appendingPathComponent("trade-\(name.prefix(32)).bin")
    }

    /// The file's bytes, read straight into the array (no intermediate `Data`: the image is
    /// tens of megabytes and a second copy cost a fifth of a cold start); nil if unreadable.
    func read(_ file: String) -> [UInt8]? {
        let descriptor = open(file, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let got = systemRead(descriptor, buffer.baseAddress! + done, size - done)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                done += got
            }
            complete = done == size
            count = done
        }
        return complete ? bytes : nil
    }

    /// Writes the image (whole or not at all) and keeps only the newest files.
    func write(_ image: [UInt8], to file: String) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(image).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            return
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let caches = names.filter { $0.hasPrefix("trade-") && $0.hasSuffix(".bin") }.map { (folder as NSString).appendingPathComponent($0) }
        guard caches.count > Self.filesKept else { return }
        let dated = caches.map { path in
            (path, (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast)
        }.sorted { $0.1 > $1.1 }
        for (path, _) in dated.dropFirst(Self.filesKept) where path != file { try? FileManager.default.removeItem(atPath: path) }
    }
}
