public import CampaignStore
import CoreMetrics
import Metrics
import Foundation
public import Prometheus

/// The dialer's metrics, recorded through swift-metrics into one Prometheus registry and exposed in the
/// Prometheus text format by ``exposition()`` (`GET /metrics`).
///
/// Labels are bounded: campaign names, outcome words, contact states, API operations and answer
/// classes. No contact, phone number or call id is ever a label.
///
/// ```swift
/// let metrics = DialerMetrics()
/// metrics.recordCallPlaced(campaign: "renewals")
/// print(metrics.exposition())
/// ```
public final class DialerMetrics: Sendable {
    /// Names of every metric, as Prometheus shows them.
    public enum Name {
        /// Calls the API accepted, per campaign.
        public static let callsPlaced = "vaani_dialer_calls_placed_total"
        /// Attempts that ended, per campaign and outcome word.
        public static let callOutcomes = "vaani_dialer_call_outcomes_total"
        /// Trigger requests in flight, per campaign.
        public static let requestsInFlight = "vaani_dialer_requests_in_flight"
        /// Calls placed and not yet ended, per campaign.
        public static let activeCalls = "vaani_dialer_active_calls"
        /// 429 answers from the API, per campaign.
        public static let rateLimited = "vaani_dialer_rate_limited_total"
        /// Contacts per campaign and stored state.
        public static let contacts = "vaani_dialer_contacts"
        /// How long answered calls lasted.
        public static let callDuration = "vaani_dialer_call_duration_seconds"
        /// How long API requests took, per operation and answer class.
        public static let apiRequestDuration = "vaani_dialer_api_request_duration_seconds"
        /// Webhook deliveries, per result.
        public static let webhookDeliveries = "vaani_dialer_webhook_deliveries_total"
        /// Campaigns this process is running.
        public static let runningCampaigns = "vaani_dialer_running_campaigns"
    }

    /// The registry every metric lives in.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory

    /// Creates the metrics in a registry of their own, so that two servers in one process (tests) never
    /// share counters and nothing needs the process-wide `MetricsSystem`.
    /// - Parameter registry: The registry (default a new one).
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = [
            Name.callDuration: [5, 10, 20, 30, 60, 120, 300, 600, 1800].map { Duration.seconds($0) },
            Name.apiRequestDuration: [
                .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
                .seconds(30),
            ],
        ]
        self.factory = factory
        // Series that exist before anything happens, so dashboards and alerts see zeros, not gaps.
        for result in ["delivered", "failed"] {
            CoreMetrics.Counter(label: Name.webhookDeliveries, dimensions: [("result", result)], factory: factory)
                .increment(by: 0)
        }
        CoreMetrics.Gauge(label: Name.runningCampaigns, factory: factory).record(0)
    }

    /// A call the API accepted.
    /// - Parameter campaign: The campaign's name.
    public func recordCallPlaced(campaign: String) {
        CoreMetrics.Counter(label: Name.callsPlaced, dimensions: [("campaign", campaign)], factory: factory).increment()
    }

    /// An attempt ended.
    /// - Parameters:
    ///   - campaign: The campaign's name.
    ///   - outcome: The engine's outcome word (`completed`, `no_answer`, `busy`, …).
    ///   - duration: How long the call lasted, when it was answered.
    public func recordCallEnded(campaign: String, outcome: String, duration: Duration?) {
        CoreMetrics.Counter(
            label: Name.callOutcomes, dimensions: [("campaign", campaign), ("outcome", outcome)], factory: factory
        ).increment()
        if let duration {
            CoreMetrics.Timer(label: Name.callDuration, factory: factory).record(duration: duration)
        }
    }

    /// The live numbers of a running campaign.
    /// - Parameters:
    ///   - campaign: The campaign's name.
    ///   - requestsInFlight: Trigger requests in flight.
    ///   - activeCalls: Calls placed and not yet ended.
    public func recordLoad(campaign: String, requestsInFlight: Int, activeCalls: Int) {
        CoreMetrics.Gauge(label: Name.requestsInFlight, dimensions: [("campaign", campaign)], factory: factory)
            .record(requestsInFlight)
        CoreMetrics.Gauge(label: Name.activeCalls, dimensions: [("campaign", campaign)], factory: factory)
            .record(activeCalls)
    }

    /// A 429 answer from the API to a request of `campaign`'s runner.
    /// - Parameter campaign: The campaign's name.
    public func recordRateLimited(campaign: String) {
        CoreMetrics.Counter(label: Name.rateLimited, dimensions: [("campaign", campaign)], factory: factory)
            .increment()
    }

    /// The number of contacts of a campaign in each state; every state is written, zero or not.
    /// - Parameters:
    ///   - campaign: The campaign's name.
    ///   - counts: Contacts per state.
    public func recordContacts(campaign: String, counts: [ContactStatus: Int]) {
        for state in ContactStatus.allCases {
            CoreMetrics.Gauge(
                label: Name.contacts, dimensions: [("campaign", campaign), ("state", state.rawValue)], factory: factory
            ).record(counts[state] ?? 0)
        }
    }

    /// How long one API request took.
    /// - Parameters:
    ///   - operation: `trigger_call`, `call_history` or `call_details`.
    ///   - status: The answer's class (`ok`, `rate_limited`, `unauthorized`, …).
    ///   - duration: The time from sending to the answer.
    public func recordAPIRequest(operation: String, status: String, duration: Duration) {
        CoreMetrics.Timer(
            label: Name.apiRequestDuration, dimensions: [("operation", operation), ("status", status)],
            factory: factory
        ).record(duration: duration)
    }

    /// One webhook delivery.
    /// - Parameter result: `delivered` or `failed`.
    public func recordWebhookDelivery(result: String) {
        CoreMetrics.Counter(label: Name.webhookDeliveries, dimensions: [("result", result)], factory: factory)
            .increment()
    }

    /// How many campaigns this process runs now.
    /// - Parameter count: The number.
    public func recordRunningCampaigns(_ count: Int) {
        CoreMetrics.Gauge(label: Name.runningCampaigns, factory: factory).record(count)
    }

    /// Every metric in the Prometheus text format (version 0.0.4).
    public func exposition() -> String {
        registry.emitToString()
    }
}
