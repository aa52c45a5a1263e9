import AsyncHTTPClient
public import Foundation
public import Logging
import NIOCore
import NIOHTTP1

/// Sends signed events over HTTP: one POST per attempt with `content-type: application/json`, the
/// Standard Webhooks headers, a time limit, and redirects never followed. It reports how each attempt
/// ended and leaves the decision to ``DeliveryStateMachine``.
///
/// The sender owns its HTTP client, configured so that redirects are not followed, for the duration
/// of ``withSender(configuration:now:logger:isolation:_:)``.
///
/// ```swift
/// try await WebhookSender.withSender { sender in
///     let result = await sender.send(event.message, to: endpoint)
///     print(result.summary)  // HTTP 200
/// }
/// ```
public struct WebhookSender: Sendable {
    /// How the sender sends.
    public let configuration: WebhookSenderConfiguration
    let client: HTTPClient
    let now: @Sendable () -> Date
    let logger: Logger

    /// Runs `body` with a sender, then shuts its connections down, whether `body` returns or throws.
    /// - Parameters:
    ///   - configuration: Timeouts, concurrency and answer size.
    ///   - now: The wall clock that stamps `webhook-timestamp`; tests may pass a fixed time.
    ///   - logger: Where attempts are logged, at debug level, without secrets, bodies or URL paths.
    ///   - isolation: The caller's actor, inherited by `body`.
    ///   - body: The work to do with the sender.
    /// - Returns: What `body` returns.
    public static func withSender<Value>(
        configuration: WebhookSenderConfiguration = WebhookSenderConfiguration(),
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "Webhooks", factory: { _ in SwiftLogNoOpLogHandler() }),
        isolation: isolated (any Actor)? = #isolation,
        _ body: (WebhookSender) async throws -> Value
    ) async throws -> Value {
        var pool = HTTPClient.Configuration.ConnectionPool()
        pool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(8, configuration.maximumConcurrentDeliveriesPerEndpoint)
        // A refused connection is reported at once, as a failed attempt; the retry schedule decides.
        pool.retryConnectionEstablishment = false
        let httpConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: configuration.connectTimeout.timeAmount,
                read: configuration.timeout.timeAmount
            ),
            connectionPool: pool
        )
        return try await HTTPClient.withHTTPClient(configuration: httpConfiguration) { client in
            try await body(WebhookSender(configuration: configuration, client: client, now: now, logger: logger))
        }
    }

    /// Makes one delivery attempt of a message: signs it now with every secret of the endpoint and
    /// posts it.
    /// - Parameters:
    ///   - message: The event's id and body.
    ///   - endpoint: Where to post it.
    /// - Returns: How the attempt ended.
    public func send(_ message: WebhookMessage, to endpoint: WebhookEndpoint) async -> DeliveryAttemptResult {
        let exchange = await post(
            message,
            to: endpoint,
            timeout: configuration.timeout,
            keeping: configuration.responseExcerptBytes
        )
        var metadata: Logger.Metadata = [
            "webhook.id": "\(message.id)",
            "webhook.type": "\(message.type)",
            "webhook.endpoint": "\(endpoint)",
        ]
        if case .response(let response) = exchange.result { metadata["webhook.status"] = "\(response.status)" }
        logger.debug("Webhook attempt: \(exchange.result.summary)", metadata: metadata)
        return exchange.result
    }

    /// One attempt's result with the bytes of the answer that were kept.
    struct Exchange: Sendable {
        var result: DeliveryAttemptResult
        var body: [UInt8]
    }

    /// Signs and posts a message, within `timeout` from connecting to the end of the answer, and keeps
    /// the first `limit` bytes of the answer (its excerpt is cut to the configuration's size).
    func post(
        _ message: WebhookMessage,
        to endpoint: WebhookEndpoint,
        timeout: Duration,
        keeping limit: Int
    ) async -> Exchange {
        let headers = endpoint.signer.headers(id: message.id, timestamp: now(), body: message.body)
        var request = HTTPClientRequest(url: endpoint.url.absoluteString)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "user-agent", value: configuration.userAgent)
        for field in headers.fields { request.headers.add(name: field.name, value: field.value) }
        request.body = .bytes(ByteBuffer(bytes: message.body))
        let (client, prepared, excerpt) = (client, request, configuration.responseExcerptBytes)
        return await withTaskGroup(of: Exchange?.self) { group in
            group.addTask {
                await Self.exchange(prepared, client: client, timeout: timeout, keeping: limit, excerpt: excerpt)
            }
            group.addTask {
                // The whole exchange's limit: the client's own deadline ends with the answer's head.
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            if let first { return first }
            if Task.isCancelled { return Exchange(result: .connectionFailed("the delivery was cancelled"), body: []) }
            return Exchange(result: .timedOut(after: timeout), body: [])
        }
    }

    private static func exchange(
        _ request: HTTPClientRequest,
        client: HTTPClient,
        timeout: Duration,
        keeping limit: Int,
        excerpt excerptLimit: Int
    ) async -> Exchange {
        do {
            let response = try await client.execute(request, timeout: timeout.timeAmount)
            var kept: [UInt8] = []
            for try await chunk in response.body {
                kept.append(contentsOf: chunk.readableBytesView.prefix(max(0, limit - kept.count)))
                // The rest is not read: the connection is closed rather than drained.
                if kept.count >= limit { break }
            }
            var headers: [String: String] = [:]
            for name in ["retry-after", "location"] {
                if let value = response.headers.first(name: name) { headers[name] = value }
            }
            let excerpt = String(decoding: kept.prefix(excerptLimit), as: UTF8.self)
                .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
                .trimmingCharacters(in: .whitespaces)
            let answer = WebhookResponse(status: Int(response.status.code), headers: headers, bodyExcerpt: excerpt)
            return Exchange(result: .response(answer), body: kept)
        } catch let error as HTTPClientError
            where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout
        {
            return Exchange(result: .timedOut(after: timeout), body: [])
        } catch {
            return Exchange(result: .connectionFailed(describe(error)), body: [])
        }
    }

    /// A transport error in a few words: `connection refused`, `remote connection closed`.
    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.localizedCaseInsensitiveContains("connection refused") { return "connection refused" }
        if text.localizedCaseInsensitiveContains("connection reset") { return "connection reset by the receiver" }
        if let error = error as? HTTPClientError {
            if error == .remoteConnectionClosed { return "the receiver closed the connection before answering" }
            if error == .cancelled { return "the delivery was cancelled" }
        }
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}

extension Duration {
    /// The duration as the HTTP client's `TimeAmount`, saturating at its largest value.
    fileprivate var timeAmount: TimeAmount {
        let (seconds, overflow) = components.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow, components.seconds >= 0 else { return .nanoseconds(components.seconds < 0 ? 0 : .max) }
        let (total, carry) = seconds.addingReportingOverflow(components.attoseconds / 1_000_000_000)
        return .nanoseconds(carry ? .max : total)
    }
}
