import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A real HTTP server on loopback that answers like a broken deployment would: HTML error pages,
/// truncated JSON, wrong types, undocumented statuses. The simulator is well-behaved by design; this
/// covers what a real server or a proxy in front of it may send.
enum MisbehavingServer {
    /// Runs the server on a free port for the duration of `body`, which gets the base URL and a counter of
    /// the requests to `/api/health`.
    static func with<Value: Sendable>(_ body: (URL, RequestCounter) async throws -> Value) async throws -> Value {
        let router = Router()
        let healthRequests = RequestCounter()
        router.get("/api/health") { _, _ in
            healthRequests.increment()
            return html(.badGateway, "<html><head><title>502</title></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>")
        }
        router.get("/api/call_details/{id}") { request, context in
            guard context.parameters.get("id") == "stalls" else {
                return json(.ok, #"{"call_id": "c1", "call_status": "completed", "durat"#)
            }
            // A 503 whose body starts, then breaks off: the connection closes mid-body.
            return Response(
                status: .serviceUnavailable,
                headers: [.contentType: "text/plain", .contentLength: "100"],
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: "Upstream "))
                    throw CancellationError()
                }
            )
        }
        router.get("/api/call-history") { _, _ in
            json(.ok, #"{"data": [{"call_id": "c1"}, {"call_id": 42}], "pagination": {"page": 1}}"#)
        }
        router.get("/api/transcript/{id}") { _, _ in
            html(.ok, "<html><body>Login required</body></html>")
        }
        router.get("/api/agents") { _, _ in
            json(.init(code: 418), #"{"message": "I'm a teapot"}"#)
        }
        router.get("/api/agents/{id}") { request, _ in
            // Some servers echo a refused key back in their message.
            let key = request.headers[.init("X-API-Key")!] ?? ""
            return json(.unauthorized, #"{"detail": "Invalid API key '\#(key)' for agent lookup"}"#)
        }
        router.get("/api/webrtc/session/status/{token}") { _, _ in
            json(.ok, #"{"status": "active", "brand_new_field": {"nested": [1, 2.5, null]}}"#)
        }
        var logger = Logger(label: "misbehaving-server")
        logger.logLevel = .critical
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger
        )
        let serviceGroup = ServiceGroup(configuration: .init(services: [app], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await serviceGroup.run() }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            let outcome: Result<Value, any Error>
            do {
                outcome = .success(try await body(URL(string: "http://127.0.0.1:\(port)")!, healthRequests))
            } catch {
                outcome = .failure(error)
            }
            await serviceGroup.triggerGracefulShutdown()
            try await group.waitForAll()
            return try outcome.get()
        }
    }

    private static func html(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }

    private static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}

/// Counts requests across the server's connections.
final class RequestCounter: Sendable {
    private let count = Mutex(0)

    func increment() { count.withLock { $0 += 1 } }

    var value: Int { count.withLock { $0 } }
}
