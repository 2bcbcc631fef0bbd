import Hummingbird

/// HTTP methods as RFC 9110 asks, in front of the router (which matches method and path before
/// any middleware runs): HEAD wherever GET is served (the GET's status and headers, no body),
/// and 405 with `Allow` for another method on a path that exists, instead of 404.
struct MethodResponder<Inner: HTTPResponder>: HTTPResponder {
    typealias Context = Inner.Context
    let inner: Inner

    /// Paths that take POST besides GET.
    static var postPaths: Set<String> { ["/api/v1/scenarios/run"] }

    func respond(to request: Request, context: Context) async throws -> Response {
        switch request.method {
        case .get:
            return try await inner.respond(to: request, context: context)
        case .post where Self.postPaths.contains(request.uri.path):
            return try await inner.respond(to: request, context: context)
        case .head:
            var head = request.head
            head.method = .get
            var response = try await inner.respond(to: Request(head: head, body: request.body), context: context)
            let length = response.body.contentLength
            response.body = .init()
            if let length { response.headers[.contentLength] = String(length) }
            return response
        default:
            return try await exists(request, context: context) ? Self.notAllowed(request.uri.path) : try await inner.respond(to: request, context: context)
        }
    }

    /// Whether a GET would find the path: the API's fixed paths and presets by name without
    /// running anything, other paths (static files) by asking the router.
    private func exists(_ request: Request, context: Context) async throws -> Bool {
        let path = request.uri.path
        if APIRoutes.paths.contains(path) || path.hasPrefix("/api/v1/scenarios/") { return true }
        if path.hasPrefix("/api/") { return false }
        var head = request.head
        head.method = .get
        head.path = path
        head.headerFields = [:]
        guard let response = try? await inner.respond(to: Request(head: head, body: .init(buffer: ByteBuffer())), context: context) else { return false }
        return response.status != .notFound
    }

    static func notAllowed(_ path: String) -> Response {
        let allow = postPaths.contains(path) ? "GET, HEAD, POST" : "GET, HEAD"
        var response = APIError.response(status: .methodNotAllowed, kind: "usage", message: "\(path) answers \(allow) only")
        response.headers[.allow] = allow
        return response
    }
}
