import Foundation
import Hummingbird
import HummingbirdTesting
import LodestoneEngine
import LodestoneServer
import Testing

/// The question registry (`Questions.all`) is the one description of every question: the
/// router serves exactly its paths with exactly its parameters, and the OpenAPI document must
/// say the same, so a question added to the registry without its document fails here.
@Suite struct RegistryTests {
    /// One documented GET operation's parameters: name → (required, enum words).
    struct Documented {
        var parameters: [String: (required: Bool, choices: [String]?)] = [:]
    }

    /// The GET operations of the served /openapi.yaml, read from its flow-style parameter lines.
    static func document() async throws -> [String: Documented] {
        let text = try await buildApplication(ServerConfiguration(logLevel: .warning), engine: Shared.engine).test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { String(buffer: $0.body) }
        }
        var paths: [String: Documented] = [:], current: String?, inGet = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                current = String(line.dropFirst(2).dropLast())
                inGet = false
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), let path = current {
                inGet = line == "    get:"
                if inGet { paths[path] = Documented() }
            } else if !line.hasPrefix(" ") {
                current = nil
            } else if inGet, let path = current, line.hasPrefix("      parameters: [") {
                // The inline form: references only.
                for part in line.components(separatedBy: "#/components/parameters/").dropFirst() {
                    paths[path]?.parameters[String(part.prefix { $0.isLetter })] = (false, nil)
                }
            } else if inGet, let path = current, line.hasPrefix("        - ") {
                if let ref = line.range(of: "#/components/parameters/") {
                    let name = line[ref.upperBound...].prefix { $0.isLetter }
                    paths[path]?.parameters[String(name)] = (false, nil)
                } else if let name = Self.field("name", in: line) {
                    let choices = line.range(of: "enum: [").map { r in
                        line[r.upperBound...].prefix { $0 != "]" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    }
                    paths[path]?.parameters[name] = (line.contains("required: true"), choices)
                }
            }
        }
        return paths
    }

    static func field(_ key: String, in line: String) -> String? {
        guard let r = line.range(of: "{ \(key): ") else { return nil }
        return String(line[r.upperBound...].prefix { $0 != "," && $0 != " " })
    }

    /// The document's column units are exactly `Column.Unit`'s cases.
    @Test func columnUnitsAreDocumented() async throws {
        let text = try await buildApplication(ServerConfiguration(logLevel: .warning), engine: Shared.engine).test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { String(buffer: $0.body) }
        }
        let line = try #require(text.split(separator: "\n").first { $0.contains("unit: { type: string, enum: [") })
        let listed = line.split(separator: "[")[1].prefix { $0 != "]" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(listed == Column.Unit.allCases.map(\.rawValue))
    }

    @Test func everyQuestionIsDocumentedWithExactlyItsParameters() async throws {
        let document = try await Self.document()
        for question in Questions.all {
            let path = "/api/v1/" + question.path
            let documented = try #require(document[path], "\(path) is in the registry but not in openapi.yaml")
            let expected = Set(question.parameterNames + ["format", "lang", "metadata"])
            #expect(Set(documented.parameters.keys) == expected, "\(path): documented \(documented.parameters.keys.sorted()), registry \(expected.sorted())")
            for parameter in question.parameters {
                let doc = documented.parameters[parameter.name]
                #expect(doc?.required == parameter.required, "\(path) \(parameter.name): required in one and not the other")
                if case .choice(let words) = parameter.kind {
                    #expect(doc?.choices == words, "\(path) \(parameter.name): documented \(doc?.choices ?? []), registry \(words)")
                }
            }
        }
    }

    @Test func everyDocumentedQuestionIsInTheRegistry() async throws {
        let registered = Set(Questions.all.map { "/api/v1/" + $0.path })
        let others: Set<String> = ["/healthz", "/api/v1/scenarios/{name}", "/api/v1/progress/{id}"]
        for path in try await Self.document().keys where !others.contains(path) {
            #expect(registered.contains(path), "openapi.yaml documents GET \(path), which no registry entry answers")
        }
    }

    /// The router takes a registered question's parameters and refuses any other, naming them.
    @Test func theRouterTakesTheRegistrysParameters() async throws {
        try await buildApplication(ServerConfiguration(logLevel: .warning), engine: Shared.engine).test(.router) { client in
            for question in Questions.all where !question.heavy {
                try await client.execute(uri: "/api/v1/\(question.path)?nonsense=1", method: .get) { response in
                    #expect(response.status == .badRequest)
                    let message = String(buffer: response.body)
                    #expect(message.contains("unknown query parameter 'nonsense'"), "\(message)")
                    for name in question.parameterNames { #expect(message.contains(name), "\(question.path): \(name) not listed in \(message)") }
                }
            }
        }
    }

    @Test func parameterNamesAreUniqueAndPathsDistinct() {
        let paths = Questions.all.map { $0.path }, commands = Questions.all.map { $0.command.joined(separator: " ") }
        #expect(Set(paths).count == paths.count)
        #expect(Set(commands).count == commands.count)
        for question in Questions.all {
            let path = question.path, names = question.parameterNames
            let positional = question.parameters.filter { $0.positional }.count
            #expect(Set(names).count == names.count, "\(path) names a parameter twice")
            #expect(positional <= 1, "\(path): at most one positional parameter")
        }
    }
}
