import HTTPTypes
import Hummingbird

/// What every `/api` request passes first, in one place: the configured latency, the
/// `X-API-Key` check (401) and the per-key token bucket (429 with `Retry-After`). It also tells
/// the handlers whose wallet to use through ``RequestCaller``, and labels recordings `audio/wav`.
struct APIGatewayMiddleware<Context: RequestContext>: RouterMiddleware {
    let core: SimulatorCore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if core.configuration.latency > .zero { try await core.clock.sleep(core.configuration.latency) }
        let keyIndex: Int
        do {
            keyIndex = try admittedKey(of: request)
        } catch {
            await UnreadBody.discard(request.body, size: \.readableBytes)
            throw error
        }
        var response = try await RequestCaller.$apiKeyIndex.withValue(keyIndex) { try await next(request, context) }
        // The contract declares the recording as `audio/*`; say exactly what the simulator serves.
        if response.headers[.contentType] == "audio/*" { response.headers[.contentType] = "audio/wav" }
        return response
    }

    /// The index of the request's API key, once the key is known and its token bucket lets it in.
    /// - Throws: ``SimulatorFailure`` for a missing or unknown key (401) or an empty bucket (429).
    private func admittedKey(of request: Request) throws -> Int {
        guard let key = request.headers[.apiKey] else {
            throw SimulatorFailure.unauthorized("Missing API key: send it in the X-API-Key header")
        }
        guard let keyIndex = core.apiKeyIndex[key] else { throw SimulatorFailure.unauthorized("Invalid API key") }
        try core.admit(apiKeyIndex: keyIndex)
        return keyIndex
    }
}

extension HTTPField.Name {
    /// `X-API-Key`, the Vaani API's authentication header.
    static let apiKey = Self("X-API-Key")!
    /// Set on a response whose connection must be closed instead of answered (the `drop` fault);
    /// ``ConnectionDropHandler`` acts on it and it never reaches the wire.
    static let simulatorDrop = Self("X-Vaani-Simulator-Drop")!
}
