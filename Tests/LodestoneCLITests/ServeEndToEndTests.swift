import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
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

    @Test func servesTheAPIAndStopsCleanlyOnSIGTERM() async throws {
        let store = CLI.sharedStore
        let port = 20_000 + Int(ProcessInfo.processInfo.processIdentifier % 20_000)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--store", store, "--port", String(port), "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let base = "http://127.0.0.1:\(port)"
        var health: Answer?
        for _ in 0..<150 where health == nil && process.isRunning {
            health = await Self.get(base + "/healthz")
            if health == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
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
}
