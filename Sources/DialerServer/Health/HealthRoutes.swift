import Foundation
import Hummingbird

/// `GET /healthz` (the process answers; no token needed) and `GET /readyz` (the store answers and the
/// server is not shutting down).
struct HealthRoutes {
    let desk: CampaignDesk

    func registerPublic(on router: Router<DialerRequestContext>) {
        router.get("healthz") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
    }

    func registerProtected(on router: RouterGroup<DialerRequestContext>) {
        router.get("readyz") { _, _ in
            if desk.board.isDraining {
                return APIError(.serviceUnavailable, code: "shutting_down", message: "The server is shutting down.")
                    .response()
            }
            guard await desk.isStoreReachable() else {
                return APIError(
                    .serviceUnavailable, code: "store_unavailable", message: "The campaign store does not answer."
                ).response()
            }
            return JSONResponse.make(["status": "ready"])
        }
    }
}
