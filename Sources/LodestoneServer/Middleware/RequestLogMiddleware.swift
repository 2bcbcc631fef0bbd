import Foundation
import Hummingbird
import Logging

/// One log line per request, after it is answered: method, path and query, status, bytes and
/// milliseconds. Also refuses URIs over the limit before any route parses them.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxURIBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let uri = request.uri.description
        var response: Response
        if uri.utf8.count > maxURIBytes {
            response = APIError.response(status: .uriTooLong, kind: "usage",
                                         message: "the request URI is \(uri.utf8.count) bytes long; at most \(maxURIBytes) — post a scenario as JSON instead")
        } else {
            do {
                response = try await next(request, context)
            } catch let error as HTTPResponseError {
                // Unknown routes and the like: the same JSON error shape as the API's own errors.
                let status = error.status
                response = APIError.response(status: status, kind: status == .notFound ? "not-found" : "usage",
                                             message: status == .notFound ? "no such endpoint: \(request.method) \(request.uri.path) — GET /openapi.yaml lists them"
                                                                          : "\(status.code) \(status.reasonPhrase)")
            }
        }
        let elapsed = ContinuousClock.now - started
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("\(request.method) \(uri.prefix(300)) \(response.status.code) \(response.body.contentLength ?? -1)B \(String(format: "%.1f", ms))ms")
        return response
    }
}
