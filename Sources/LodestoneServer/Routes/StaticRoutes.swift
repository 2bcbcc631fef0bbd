import Foundation
import Hummingbird
import LodestoneEngine

/// The dashboard (every file of Resources/Dashboard: HTML, JavaScript modules, CSS, the world
/// map) and the OpenAPI document, read from the target's resources once at start-up and served
/// from memory: no CDN, no file system access per request.
struct StaticRoutes: Sendable {
    struct Asset: Sendable {
        var body: ByteBuffer
        var contentType: String
    }

    let assets: [String: Asset]
    let etag: String

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8",
        "json": "application/json; charset=utf-8", "yaml": "application/yaml; charset=utf-8",
    ]

    init(dataVersion: String) throws {
        guard let folder = Bundle.module.url(forResource: "Dashboard", withExtension: nil) else {
            throw ServerError.missingResource("Dashboard")
        }
        guard let openapi = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw ServerError.missingResource("openapi.yaml")
        }
        var files: [(route: String, url: URL)] = [("/openapi.yaml", openapi)]
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            throw ServerError.missingResource("Dashboard")
        }
        for case let url as URL in walker {
            let path = url.standardizedFileURL.path
            guard Self.contentTypes[url.pathExtension] != nil, path.hasPrefix(base + "/") else { continue }
            let relative = String(path.dropFirst(base.count))
            files.append((relative == "/index.html" ? "/" : relative, url))
        }
        guard files.contains(where: { $0.route == "/" }) else { throw ServerError.missingResource("Dashboard/index.html") }
        var assets: [String: Asset] = [:]
        var hash = [dataVersion]
        for file in files.sorted(by: { $0.route < $1.route }) {
            let text = try String(contentsOf: file.url, encoding: .utf8)
            hash.append(file.route + "\n" + text)
            assets[file.route] = Asset(body: ByteBuffer(string: text), contentType: Self.contentTypes[file.url.pathExtension] ?? "text/plain; charset=utf-8")
        }
        self.assets = assets
        etag = "\"" + StableHash.hex(of: hash) + "\""
    }

    func register(on router: Router<LodestoneRequestContext>) {
        for (route, asset) in assets {
            let etag = etag
            router.get(RouterPath(route)) { request, _ in
                if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: [.eTag: etag]) }
                var headers: HTTPFields = [.contentType: asset.contentType, .eTag: etag]
                headers[.cacheControl] = "no-cache"
                headers[.contentSecurityPolicy] = "default-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: asset.body))
            }
        }
    }
}

/// Errors in setting the server up (not in answering a request).
public enum ServerError: Error, CustomStringConvertible {
    case missingResource(String)

    public var description: String {
        switch self {
        case .missingResource(let name): "the server's resource \(name) is missing from the build — rebuild lodestone"
        }
    }
}
