import LodestoneEngine
import Synchronization

/// The heavy computations now running that a client asked to follow: the client names its
/// request with an `X-Lodestone-Task` header (8–64 letters, digits and hyphens; any other value
/// is not followed) and reads `GET /api/v1/progress/{id}` for the stage and share done. The
/// entry lives only while the work runs.
final class ProgressBoard: Sendable {
    static let header = "X-Lodestone-Task"
    /// Enough for any number of dashboards, bounded so that a client cannot grow it without end.
    static let capacity = 1_024

    private let running = Mutex<[String: CancellationFlag]>([:])

    /// A usable task id, or nil.
    static func id(_ value: String?) -> String? {
        guard let value, (8...64).contains(value.count),
              value.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }) else { return nil }
        return value
    }

    /// Follows `flag` under `id` until `remove` (an id already running is not replaced).
    func add(_ id: String, _ flag: CancellationFlag) -> Bool {
        running.withLock { board in
            guard board[id] == nil, board.count < Self.capacity else { return false }
            board[id] = flag
            return true
        }
    }

    func remove(_ id: String) { _ = running.withLock { $0.removeValue(forKey: id) } }

    func progress(_ id: String) -> CancellationFlag.Progress? {
        running.withLock { $0[id] }?.progress
    }
}
