import Hummingbird
import NIOCore
import Synchronization

/// Reading a request body: at most `maxBytes`, within `seconds` of the request's headers, and
/// complete (as long as its Content-Length says). A body that is too large is 413; one that ends
/// early (the client closed its side after sending less) is 400; one that is still arriving when
/// the time is up is 408, and the connection's input is closed so that nothing more is read from it.
enum RequestBody {
    enum Problem: Error, Equatable {
        case tooLarge
        case incomplete(received: Int?, announced: Int?)
        case timedOut

        func response(maxBytes: Int, seconds: Double) -> Response {
            switch self {
            case .tooLarge:
                APIError.response(status: .contentTooLarge, kind: "usage",
                                  message: "the request body is over \(maxBytes) bytes; a scenario definition is a few hundred")
            case .incomplete(let received, let announced):
                APIError.response(status: .badRequest, kind: "usage", message: "the request body ended"
                    + (received.map { " after \($0) bytes" } ?? "") + (announced.map { " before the \($0) bytes its Content-Length announced" } ?? " before it was complete")
                    + "; send the whole body")
            case .timedOut:
                APIError.response(status: .requestTimeout, kind: "usage",
                                  message: "the request body did not arrive within \(Int(seconds)) seconds; send it at once", headers: [.connection: "close"])
            }
        }
    }

    static func read(_ request: Request, channel: (any Channel)?, upTo maxBytes: Int, within seconds: Double) async -> Result<ByteBuffer, Problem> {
        let announced = request.headers[.contentLength].flatMap { Int($0) }
        if let announced, announced > maxBytes { return .failure(.tooLarge) }
        let timedOut = Atomic<Bool>(false)
        let timer = Task {
            try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            timedOut.store(true, ordering: .relaxed)
            channel?.close(mode: .input, promise: nil)
        }
        defer { timer.cancel() }
        var request = request
        do {
            let body = try await request.collectBody(upTo: maxBytes)
            if let announced, body.readableBytes < announced {
                return .failure(timedOut.load(ordering: .relaxed) ? .timedOut : .incomplete(received: body.readableBytes, announced: announced))
            }
            return .success(body)
        } catch is NIOTooManyBytesError {
            return .failure(.tooLarge)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return .failure(.tooLarge)
        } catch {
            return .failure(timedOut.load(ordering: .relaxed) ? .timedOut : .incomplete(received: nil, announced: announced))
        }
    }
}
