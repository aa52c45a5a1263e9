import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// One request as a receiver got it.
struct ReceivedRequest: Sendable {
    /// The request's path, `/hook`.
    var path: String
    /// The headers by lowercased name (the last value of a repeated one).
    var headers: [String: String]
    /// The body.
    var body: [UInt8]
    /// How many requests for the same path came before this one.
    var index: Int

    /// The headers as the verifier reads them.
    var fields: [(name: String, value: String)] { headers.map { ($0.key, $0.value) } }
}

/// What a receiver answers.
struct ReceiverAnswer: Sendable {
    var status: Int
    var headers: [String: String] = [:]
    var body: String = ""
    /// How long to wait before answering.
    var delay: Duration = .zero
    /// Whether to answer only when the test is over: a receiver that never answers in time, however
    /// slow the machine is.
    var holdsUntilTheEnd = false
}

/// Every request a receiver got, and how many were in flight at most.
final class ReceivedLog: Sendable {
    private let state = Mutex<(requests: [ReceivedRequest], inFlight: Int, mostInFlight: Int)>(([], 0, 0))
    /// Held requests waiting for the end of the test, and whether it has come.
    private let held = Mutex<(isOver: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    var requests: [ReceivedRequest] { state.withLock { $0.requests } }
    var mostInFlight: Int { state.withLock { $0.mostInFlight } }

    func requests(to path: String) -> [ReceivedRequest] { requests.filter { $0.path == path } }

    fileprivate func begin(path: String, headers: [String: String], body: [UInt8]) -> ReceivedRequest {
        state.withLock { state in
            let index = state.requests.count(where: { $0.path == path })
            let request = ReceivedRequest(path: path, headers: headers, body: body, index: index)
            state.requests.append(request)
            state.inFlight += 1
            state.mostInFlight = max(state.mostInFlight, state.inFlight)
            return request
        }
    }

    fileprivate func finish() { state.withLock { $0.inFlight -= 1 } }

    /// Waits until the test is over.
    fileprivate func waitForTheEnd() async {
        await withCheckedContinuation { continuation in
            let isOver = held.withLock { held in
                if !held.isOver { held.waiting.append(continuation) }
                return held.isOver
            }
            if isOver { continuation.resume() }
        }
    }

    /// Lets held requests answer.
    fileprivate func release() {
        let waiting = held.withLock { held in
            held.isOver = true
            defer { held.waiting = [] }
            return held.waiting
        }
        for continuation in waiting { continuation.resume() }
    }
}

/// A real HTTP server on a free loopback port that plays the user's webhook receiver: each POST is
/// recorded and answered as `respond` says.
enum WebhookReceiver {
    static func with<Value: Sendable>(
        respond: @escaping @Sendable (ReceivedRequest) -> ReceiverAnswer,
        _ body: (URL, ReceivedLog) async throws -> Value
    ) async throws -> Value {
        let log = ReceivedLog()
        let router = Router()
        router.post("**") { request, _ -> Response in
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let received = log.begin(path: request.uri.path, headers: headers, body: Array(bytes.readableBytesView))
            defer { log.finish() }
            let answer = respond(received)
            if answer.delay > .zero { try? await Task.sleep(for: answer.delay) }
            if answer.holdsUntilTheEnd { await log.waitForTheEnd() }
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            for (name, value) in answer.headers { fields[HTTPField.Name(name)!] = value }
            return Response(
                status: HTTPResponse.Status(code: answer.status),
                headers: fields,
                body: .init(byteBuffer: ByteBuffer(string: answer.body))
            )
        }
        var logger = Logger(label: "webhook-receiver")
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
                outcome = .success(try await body(URL(string: "http://127.0.0.1:\(port)")!, log))
            } catch {
                outcome = .failure(error)
            }
            log.release()
            await serviceGroup.triggerGracefulShutdown()
            try await group.waitForAll()
            return try outcome.get()
        }
    }
}
