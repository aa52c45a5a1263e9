public import CampaignEngine
public import CampaignStore

/// The engine's ``CallService`` with every request timed into
/// `vaani_dialer_api_request_duration_seconds{operation,status}` and every 429 counted into
/// `vaani_dialer_rate_limited_total{campaign}`.
public struct MetricsCallService: CallService {
    /// The API.
    public let base: any CallService
    /// The campaign whose runner sends the requests.
    public let campaign: String
    /// Where the measurements go.
    public let metrics: DialerMetrics

    /// Creates a timing wrapper.
    /// - Parameters:
    ///   - base: The API.
    ///   - campaign: The campaign's name.
    ///   - metrics: Where the measurements go.
    public init(base: any CallService, campaign: String, metrics: DialerMetrics) {
        self.base = base
        self.campaign = campaign
        self.metrics = metrics
    }

    public func placeCall(_ request: CallRequest) async throws(TriggerFailure) -> String {
        let start = ContinuousClock.now
        do {
            let callID = try await base.placeCall(request)
            record("trigger_call", "ok", since: start)
            return callID
        } catch {
            record("trigger_call", Self.status(of: error), since: start)
            throw error
        }
    }

    public func callHistory(page: Int, pageSize: Int) async throws -> (records: [CallReport], totalPages: Int?) {
        let start = ContinuousClock.now
        do {
            let answer = try await base.callHistory(page: page, pageSize: pageSize)
            record("call_history", "ok", since: start)
            return answer
        } catch {
            record("call_history", Self.status(of: error), since: start)
            throw error
        }
    }

    public func callDetails(callID: String) async throws -> CallReport {
        let start = ContinuousClock.now
        do {
            let report = try await base.callDetails(callID: callID)
            record("call_details", "ok", since: start)
            return report
        } catch {
            record("call_details", Self.status(of: error), since: start)
            throw error
        }
    }

    private func record(_ operation: String, _ status: String, since start: ContinuousClock.Instant) {
        metrics.recordAPIRequest(operation: operation, status: status, duration: ContinuousClock.now - start)
        if status == "rate_limited" { metrics.recordRateLimited(campaign: campaign) }
    }

    /// The answer class of a failure, a bounded label value.
    static func status(of error: any Error) -> String {
        guard let failure = error as? TriggerFailure else { return "error" }
        return switch failure {
        case .authentication: "unauthorized"
        case .insufficientBalance: "insufficient_balance"
        case .forbidden: "forbidden"
        case .validation: "invalid"
        case .rateLimited: "rate_limited"
        case .notSent: "not_sent"
        case .ambiguous: "ambiguous"
        }
    }
}
