import Foundation
import LodestoneEngine
import Logging
import Synchronization

/// The engine the server answers with, replaced when the store it was opened from changes: a
/// `lodestone data import` into the store of a running server is noticed within `every` and
/// served from then on (new data version, new ETags; cached answers are keyed by data version).
/// Until the new engine is built, the old one keeps answering; if the store cannot be read (an
/// import half-way, a damaged file), the old data stay and the next change is tried again.
final class EngineHolder: Sendable {
    private let engine: Mutex<Engine>

    init(_ engine: Engine) { self.engine = Mutex(engine) }

    var current: Engine { engine.withLock { $0 } }

    func replace(with newer: Engine) { engine.withLock { $0 = newer } }

    /// Watches `storePath` (the file and its write-ahead log) and reopens it when either changes.
    func watch(storePath: String, every interval: Duration, limits: EngineLimits, logger: Logger) async {
        var seen = Self.signature(of: storePath)
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = Self.signature(of: storePath)
            guard now != seen else { continue }
            do {
                let reopened = try Engine.open(storePath: storePath, limits: limits)
                seen = now
                guard reopened.dataVersion != current.dataVersion else { continue }
                logger.notice("the store changed: serving data version \(reopened.dataVersion) (was \(current.dataVersion))")
                replace(with: reopened)
            } catch {
                logger.warning("the store changed but cannot be read yet (\(error)); still serving data version \(current.dataVersion)")
            }
        }
    }

    /// Size, modification time and inode of the store and of its -wal file.
    static func signature(of path: String) -> [Int] {
        [path, path + "-wal"].flatMap { file -> [Int] in
            var info = stat()
            guard stat(file, &info) == 0 else { return [0, 0, 0, 0] }
            return [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ino)]
        }
    }
}
