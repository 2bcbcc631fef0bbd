import NIOCore
import Synchronization

/// Rendered answers to GET requests, by path and query. The data never change while the server
/// runs, so an entry never goes stale; the cache only bounds its size (emptied when full).
final class ResponseCache: Sendable {
    struct Entry: Sendable {
        var body: ByteBuffer
        var contentType: String
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func get(_ key: String) -> Entry? {
        guard capacity > 0 else { return nil }
        return entries.withLock { $0[key] }
    }

    func put(_ key: String, _ entry: Entry) {
        guard capacity > 0 else { return }
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }
}
