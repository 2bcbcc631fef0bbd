import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes files and folders so that a reader sees the old content or the complete new content,
/// never a part, and so that a symbolic link is never followed for writing.
///
/// Everything is written under a temporary name in the destination's own folder (created with
/// `O_EXCL | O_NOFOLLOW`, synced) and then moved into place with one `link` or `rename`. An
/// existing file, link or snapshot folder is replaced only when the caller says `force`; a link
/// is then replaced itself, its target never touched.
package enum AtomicFile {
    package static func write(_ data: Data, to path: String, force: Bool) throws {
        let existing = try kind(of: path)
        // A device, FIFO or socket, or a link to one (/dev/stdout), is written into as a shell
        // redirection would, never replaced: atomic replacement is for regular files.
        if existing == .special || existing == .linkToSpecial {
            try writeInto(path, data)
            return
        }
        if existing == .folder { throw StoreError.io(path: path, reason: "is a folder; give a file name") }
        if existing != nil, !force {
            throw StoreError.io(path: path, reason: "already exists\(existing == .link ? " (a symbolic link)" : "") — pass --force to replace it")
        }
        let temporary = sibling(of: path, tag: "partial")
        defer { unlink(temporary) }
        try create(temporary, data)
        if force {
            // rename replaces the name, so a link at `path` is replaced, never followed.
            guard rename(temporary, path) == 0 else { throw failure(path, "cannot move the file into place") }
        } else {
            // link fails if something appeared meanwhile: nothing is ever overwritten unasked.
            guard link(temporary, path) == 0 else { throw failure(path, errno == EEXIST ? "appeared while writing" : "cannot move the file into place") }
        }
    }

    /// Writes `files` as the whole content of `folder`. The folder must not exist, or be empty;
    /// with `force` it may hold a previous version, but only the names in `replaceable`.
    package static func writeFolder(_ files: [(name: String, data: Data)], to folder: String, force: Bool, replaceable: Set<String>) throws {
        switch try kind(of: folder) {
        case nil: break
        case .link, .linkToSpecial: throw StoreError.io(path: folder, reason: "is a symbolic link; give the folder itself")
        case .file, .special: throw StoreError.io(path: folder, reason: "is a file, not a folder")
        case .folder:
            let present = try FileManager.default.contentsOfDirectory(atPath: folder)
            if !present.isEmpty, !force {
                throw StoreError.io(path: folder, reason: "is not empty — pass --force to replace the snapshot in it")
            }
            let foreign = present.filter { !replaceable.contains($0) }.sorted()
            if !foreign.isEmpty {
                throw StoreError.io(path: folder, reason: "holds files that are not part of a snapshot (\(foreign.prefix(3).joined(separator: ", "))); nothing was written")
            }
        }
        let temporary = sibling(of: folder, tag: "partial")
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        guard mkdir(temporary, 0o755) == 0 else { throw failure(temporary, "cannot create a folder beside \(folder)") }
        for file in files {
            guard !file.name.contains("/"), !file.name.hasPrefix(".") else { throw StoreError.io(path: file.name, reason: "not a plain file name") }
            try create((temporary as NSString).appendingPathComponent(file.name), file.data)
        }
        // rename onto a missing name or an empty folder is one step.
        if rename(temporary, folder) == 0 { return }
        guard force, errno == ENOTEMPTY || errno == EEXIST else { throw failure(folder, "cannot move the folder into place") }
        let old = sibling(of: folder, tag: "old")
        guard rename(folder, old) == 0 else { throw failure(folder, "cannot move the previous snapshot aside") }
        guard rename(temporary, folder) == 0 else {
            let reason = failure(folder, "cannot move the folder into place")
            rename(old, folder)
            throw reason
        }
        try? FileManager.default.removeItem(atPath: old)
    }

    enum Kind { case file, folder, link, special, linkToSpecial }

    /// What is at `path`, without following a link (but a link to a device, FIFO or socket is
    /// told apart); nil when nothing is.
    static func kind(of path: String) throws -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw failure(path, "cannot look at it")
        }
        func isSpecial(_ mode: mode_t) -> Bool { [S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK].contains(mode & S_IFMT) }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            var target = stat()
            return stat(path, &target) == 0 && isSpecial(target.st_mode) ? .linkToSpecial : .link
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default: return isSpecial(info.st_mode) ? .special : .file
        }
    }

    /// Writes into an existing special file (following a link to it), as `>` would.
    private static func writeInto(_ path: String, _ data: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            throw failure(path, errno == ENXIO ? "is a socket or a FIFO nobody reads: cannot write into it" : "cannot open it for writing")
        }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: path)
    }

    /// Writes every byte, retrying on interruption; a full device says so.
    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                guard let base = bytes.baseAddress else { break }
                let written = systemWrite(descriptor, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(path, errno == ENOSPC ? "no space left (a full device)" : "cannot write")
                }
                offset += written
            }
        }
    }

    /// A hidden, unique name beside `path`: ".name.tag-UUID".
    private static func sibling(of path: String, tag: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(tag)-\(UUID().uuidString)").path
    }

    /// Creates a new file (never an existing one, never through a link), writes and syncs it.
    private static func create(_ path: String, _ data: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path, "cannot create") }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: path)
        guard fsync(descriptor) == 0 else { throw failure(path, "cannot write") }
    }

    private static func failure(_ path: String, _ what: String) -> StoreError {
        .io(path: path, reason: "\(what) (\(String(cString: strerror(errno))))")
    }
}
