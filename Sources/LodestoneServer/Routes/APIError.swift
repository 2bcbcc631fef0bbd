import Foundation
import Hummingbird
import LodestoneEngine

/// The JSON body of every error: `{"error": {"kind", "message", "status"}}`, with the same
/// sentence the CLI prints on stderr.
enum APIError {
    struct Body: Encodable {
        struct Detail: Encodable {
            var kind: String
            var message: String
            var status: Int
        }
        var error: Detail
    }

    static func response(_ error: EngineError) -> Response {
        response(status: HTTPResponse.Status(code: error.kind.httpStatus), kind: error.kind.rawValue, message: error.message)
    }

    static func response(status: HTTPResponse.Status, kind: String, message: String, headers: HTTPFields = [:]) -> Response {
        let body = Body(error: .init(kind: kind, message: message, status: status.code))
        let text = (try? ReportRenderer.json(body)) ?? "{\"error\": {\"kind\": \"failure\", \"message\": \"error\", \"status\": 500}}\n"
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
