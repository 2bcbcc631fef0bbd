import Foundation
import Hummingbird
import LodestoneEngine

/// The dashboard (HTML, JS, CSS) and the OpenAPI document, read from the target's resources
/// once at start-up and served from memory: no CDN, no file system access per request.
struct StaticRoutes: Sendable {
    struct Asset: Sendable {
        var body: ByteBuffer
        var contentType: String
    }

    let assets: [String: Asset]
    let etag: String

    init(dataVersion: String) throws {
        var assets: [String: Asset] = [:]
        let files: [(route: String, resource: String, ext: String, folder: String?, type: String)] = [
            ("/", "index", "html", "Dashboard", "text/html; charset=utf-8"),
            ("/dashboard.js", "dashboard", "js", "Dashboard", "text/javascript; charset=utf-8"),
            ("/dashboard.css", "dashboard", "css", "Dashboard", "text/css; charset=utf-8"),
            ("/openapi.yaml", "openapi", "yaml", nil, "application/yaml; charset=utf-8"),
        ]
        var hash = [dataVersion]
        for file in files {
            guard let url = Bundle.module.url(forResource: file.resource, withExtension: file.ext, subdirectory: file.folder) else {
                throw ServerError.missingResource("\(file.folder.map { $0 + "/" } ?? "")\(file.resource).\(file.ext)")
            }
            let text = try String(contentsOf: url, encoding: .utf8)
            hash.append(text)
            assets[file.route] = Asset(body: ByteBuffer(string: text), contentType: file.type)
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
