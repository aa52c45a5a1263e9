import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

/// `GET /api/v1/campaigns/{name}/events`: Server-Sent Events with the campaign's view (``CampaignView``
/// as JSON in an `event: campaign`) whenever it changes, looked at every ``interval``, and a comment
/// every fifteen seconds to keep proxies from closing an idle stream. The stream ends when the server
/// shuts down (the browser's `EventSource` reconnects by itself) or the campaign disappears.
struct CampaignEvents: Sendable {
    let desk: CampaignDesk
    let interval: Duration

    func response(campaign name: String) async throws -> Response {
        // Fail before the stream starts when there is no such campaign.
        let first = try await desk.status(name).view
        let desk = desk
        let interval = interval
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store",
                HTTPField.Name("X-Accel-Buffering")!: "no",
            ],
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n" + Self.event(first)))
                var last = first
                var quiet = Duration.zero
                while !Task.isCancelled, !Task.isShuttingDownGracefully {
                    try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
                    if Task.isCancelled || Task.isShuttingDownGracefully { break }
                    let view: CampaignView
                    do {
                        view = try await desk.status(name).view
                    } catch let error as APIError where error.code == "campaign_not_found" {
                        break
                    } catch {
                        continue
                    }
                    if view != last {
                        try await writer.write(ByteBuffer(string: Self.event(view)))
                        last = view
                        quiet = .zero
                    } else {
                        quiet += interval
                        if quiet >= .seconds(15) {
                            try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                            quiet = .zero
                        }
                    }
                }
                try await writer.finish(nil)
            }
        )
    }

    /// One `campaign` event.
    static func event(_ view: CampaignView) -> String {
        let json = String(decoding: JSONResponse.encode(view).dropLast(), as: UTF8.self)
        return "event: campaign\ndata: \(json)\n\n"
    }
}
