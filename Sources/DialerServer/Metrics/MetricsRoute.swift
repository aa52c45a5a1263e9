import CampaignStore
import Foundation
import Hummingbird

/// `GET /metrics`: every metric in the Prometheus text format. The contact gauges are read from the
/// store at each scrape; everything else is counted as it happens.
struct MetricsRoute {
    let store: any DialerStore
    let metrics: DialerMetrics

    func register(on router: RouterGroup<DialerRequestContext>) {
        router.get("metrics") { _, _ in
            try await refreshContacts()
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }

    /// Writes `vaani_dialer_contacts{campaign,state}` for every campaign.
    func refreshContacts() async throws {
        do {
            for campaign in try await store.campaigns() {
                metrics.recordContacts(campaign: campaign.name, counts: try await store.contactCounts(ofCampaign: campaign.id))
            }
        } catch {
            throw APIError(.serviceUnavailable, code: "store_unavailable", message: "The campaign store does not answer.")
        }
    }
}
