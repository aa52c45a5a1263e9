import HTTPTypes
import OpenAPIRuntime
import ServiceLifecycle
import Synchronization

/// The fault modes of `POST /api/trigger-call/`, injected in one place around the handler:
///
/// - `error`: 5xx before the handler runs, so nothing is placed;
/// - `ambiguous`: the handler places the call, then the client gets a 5xx anyway;
/// - `hang`: the call is placed, then the response is held for `hangDuration` (cut short, and the
///   connection closed, when the server shuts down);
/// - `drop`: the call is placed, then the connection is closed without a response
///   (``ConnectionDropHandler`` does the closing);
/// - `garbage`: a hostile answer, the next ``GarbageAnswer`` in turn, with or without placing the call.
///
/// Which fault (if any) hits a request is drawn from the seeded fault stream in request order.
/// Only successful triggers are turned into `ambiguous`, `hang` or `drop`: a rejected trigger placed
/// nothing, so there is nothing ambiguous about it.
struct TriggerFaultMiddleware: ServerMiddleware {
    enum Fault: String, Sendable {
        case error, ambiguous, hang, drop, garbage
    }

    let core: SimulatorCore

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        metadata: ServerRequestMetadata,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard operationID == "triggerCall", let fault = drawFault() else {
            return try await next(request, body, metadata)
        }
        if fault == .error {
            if let body { await UnreadBody.discard(body, size: \.count) }
            core.statistics.withLock { $0.recordFault(fault.rawValue) }
            return Self.response(.init(status: .serviceUnavailable, detail: "Upstream telephony provider unavailable"))
        }
        if fault == .garbage {
            let answer = core.garbageCount.withLock { count in
                defer { count += 1 }
                return GarbageAnswer.allCases[count % GarbageAnswer.allCases.count]
            }
            if answer.placesCall {
                let (response, _) = try await next(request, body, metadata)
                guard response.status == .ok else { return (response, nil) }
            } else if let body {
                await UnreadBody.discard(body, size: \.count)
            }
            core.statistics.withLock { $0.recordFault(answer.rawValue) }
            return answer.response
        }
        let (response, responseBody) = try await next(request, body, metadata)
        guard response.status == .ok else { return (response, responseBody) }
        core.statistics.withLock { $0.recordFault(fault.rawValue) }
        switch fault {
        case .error, .ambiguous, .garbage:
            return Self.response(.internalError("Internal server error while confirming the call"))
        case .hang:
            do {
                try await cancelWhenGracefulShutdown { try await core.clock.sleep(core.configuration.hangDuration) }
                return (response, responseBody)
            } catch {
                return Self.dropped
            }
        case .drop:
            return Self.dropped
        }
    }

    func drawFault() -> Fault? {
        let configuration = core.configuration
        let total = configuration.errorRate + configuration.ambiguousRate + configuration.hangRate + configuration.dropRate
            + configuration.garbageRate
        guard total > 0 else { return nil }
        var draw = core.faultRandom.withLock { $0.nextUnit() }
        for (fault, rate) in [
            (Fault.error, configuration.errorRate), (.ambiguous, configuration.ambiguousRate),
            (.hang, configuration.hangRate), (.drop, configuration.dropRate), (.garbage, configuration.garbageRate),
        ] {
            if draw < rate { return fault }
            draw -= rate
        }
        return nil
    }

    static func response(_ failure: SimulatorFailure) -> (HTTPResponse, HTTPBody?) {
        (HTTPResponse(status: failure.status, headerFields: failure.httpHeaderFields), failure.httpBody)
    }

    static var dropped: (HTTPResponse, HTTPBody?) {
        (HTTPResponse(status: .internalServerError, headerFields: [.simulatorDrop: "1"]), nil)
    }
}
