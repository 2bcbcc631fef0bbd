import NIOCore
import Synchronization

/// Rendered answers to GET requests, by path and query. The data never change while the server
/// runs, so an entry never goes stale; the cache bounds its size in entries and in bytes (keys and
/// bodies), emptied when either bound would be passed: after a heavy load the memory it holds is
/// at most `maxBytes` (a priorities answer in JSON is about 100 KB, a grid several MB).
final class ResponseCache: Sendable {
    struct Entry: Sendable {
        var body: ByteBuffer
        var contentType: String
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())
    private let capacity: Int
    let maxBytes: Int

    init(capacity: Int, maxBytes: Int = 32 << 20) {
        self.capacity = capacity
        self.maxBytes = maxBytes
    }

    /// Bytes held now (keys and bodies).
    var bytes: Int { state.withLock { $0.bytes } }

    func get(_ key: String) -> Entry? {
        guard capacity > 0 else { return nil }
        return state.withLock { $0.entries[key] }
    }

    func put(_ key: String, _ entry: Entry) {
        let size = key.utf8.count + entry.body.readableBytes
        guard capacity > 0, size <= maxBytes / 4 else { return }  // an answer too big to keep is computed again
        state.withLock { state in
            if state.entries.count >= capacity || state.bytes + size > maxBytes {
                state.entries.removeAll(keepingCapacity: false)
                state.bytes = 0
            }
            if let old = state.entries.updateValue(entry, forKey: key) { state.bytes -= key.utf8.count + old.body.readableBytes }
            state.bytes += size
        }
    }
}
