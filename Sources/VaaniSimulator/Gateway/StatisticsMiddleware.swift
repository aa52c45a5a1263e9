import HTTPTypes
import Hummingbird
import Synchronization

/// Counts every request by route and status code for `/_sim/stats`. Routes are the path
/// templates (`GET /api/call_details/{call_id}`), so the table stays small however many calls
/// are looked up.
struct StatisticsMiddleware<Context: RequestContext>: RouterMiddleware {
    let core: SimulatorCore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let route = "\(request.method.rawValue) \(Self.template(of: request.uri.path))"
        do {
            let response = try await next(request, context)
            core.statistics.withLock { $0.record(route: route, status: response.status.code) }
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            core.statistics.withLock { $0.record(route: route, status: status) }
            throw error
        }
    }

    static func template(of path: String) -> String { RouteTemplates.template(of: path) }
}

/// The routes `/_sim/stats` counts under.
enum RouteTemplates {
    /// The contract's templates with parameters. Paths that match nothing are counted together
    /// under `(other)`, so a scan of random URLs cannot grow the table without bound.
    static let parameterised: [(prefix: String, template: String)] = [
        ("/api/transcript/", "/api/transcript/{call_id}"),
        ("/api/call_details/", "/api/call_details/{call_id}"),
        ("/api/stream/", "/api/stream/{call_id}"),
        ("/api/agents/", "/api/agents/{agent_id}"),
        ("/api/agent/", "/api/agent/{agent_id}/{section}"),
        ("/api/webrtc/session/status/", "/api/webrtc/session/status/{session_token}"),
        ("/api/webrtc/session/ws/", "/api/webrtc/session/ws/{session_token}"),
    ]

    static let known: Set<String> = [
        "/api/health", "/api/trigger-call/", "/api/call-history", "/api/create-agent", "/api/agents",
        "/api/webrtc/session/create", "/api/webrtc/session/connect", "/api/webrtc/session/disconnect",
        "/_sim/stats", "/_sim/ledger", "/_sim/wallet",
    ]

    static func template(of path: String) -> String {
        if known.contains(path) { return path }
        if path == "/api/trigger-call" { return "/api/trigger-call/" }
        for entry in parameterised where path.hasPrefix(entry.prefix) && path.count > entry.prefix.count {
            return entry.template
        }
        return "(other)"
    }
}
