public import CampaignStore
public import VaaniAPI
import Foundation

/// The engine's ``CallService`` over the real `VaaniClient`: the attempt id goes out as the
/// `Idempotency-Key` and as `metadata.attempt_id`, and every `VaaniError` is classified into a
/// ``TriggerFailure`` by what it means for the dialer.
///
/// ```swift
/// try await VaaniClient.withClient(configuration) { client in
///     let runner = CampaignRunner(journal: journal, calls: VaaniCallService(client: client), …)
///     _ = try await runner.run()
/// }
/// ```
public struct VaaniCallService: CallService {
    /// The client.
    public let client: VaaniClient

    /// Wraps a client.
    /// - Parameter client: A client from `VaaniClient.withClient`.
    public init(client: VaaniClient) {
        self.client = client
    }

    /// Triggers the call; classifies any failure.
    public func placeCall(_ request: CallRequest) async throws(TriggerFailure) -> String {
        var metadata: JSONObject = [:]
        for (key, value) in request.metadata { metadata[key] = .string(value) }
        let call = TriggerCallRequest(
            agentID: request.agentID,
            contactNumber: request.contactNumber,
            name: request.name,
            metadata: metadata,
            outboundNumber: request.outboundNumber,
            testMode: request.testMode ? true : nil
        )
        let result: TriggerCallResult
        do {
            result = try await client.calls.trigger(call, idempotencyKey: request.attemptID.uuidString.lowercased())
        } catch let error as VaaniError {
            throw Self.classify(error)
        } catch {
            throw .ambiguous(message: "\(error)")
        }
        guard let callID = result.callID, !callID.isEmpty else {
            // A success without a call id: the call may exist; the history will tell.
            throw .ambiguous(message: "the API accepted the call but returned no call_id")
        }
        return callID
    }

    /// One page of the history.
    public func callHistory(page: Int, pageSize: Int) async throws -> (records: [CallReport], totalPages: Int?) {
        do {
            let history = try await client.calls.history(page: page, pageSize: pageSize)
            return (history.records.map(Self.report), history.totalPages)
        } catch let error as VaaniError where error.kind == .authentication {
            throw TriggerFailure.authentication(message: error.message)
        } catch let error as VaaniError where error.kind == .rateLimited {
            throw TriggerFailure.rateLimited(retryAfter: error.retryAfter)
        }
    }

    /// One call's details.
    public func callDetails(callID: String) async throws -> CallReport {
        do {
            return Self.report(try await client.calls.details(callID: callID))
        } catch let error as VaaniError where error.kind == .rateLimited {
            throw TriggerFailure.rateLimited(retryAfter: error.retryAfter)
        }
    }

    /// What a client error means for the dialer.
    /// - Parameter error: The client's error.
    public static func classify(_ error: VaaniError) -> TriggerFailure {
        switch error.kind {
        case .authentication: return .authentication(message: error.message)
        case .insufficientBalance: return .insufficientBalance(message: error.message)
        case .forbidden: return .forbidden(message: error.message)
        case .validation: return .validation(message: error.message)
        case .rateLimited: return .rateLimited(retryAfter: error.retryAfter)
        case .connection where !error.requestMayHaveBeenSent: return .notSent(message: error.message)
        default:
            // 5xx, timeouts, dropped connections, undocumented answers: the call may exist.
            return .ambiguous(message: error.description)
        }
    }

    static func report(_ record: CallRecord) -> CallReport {
        var entityJSON: String?
        if let entity = record.entity, let data = try? JSONEncoder().encode(entity) {
            entityJSON = String(data: data, encoding: .utf8)
        }
        return CallReport(
            callID: record.callID,
            callStatus: record.status?.rawValue ?? "unknown",
            contactNumber: record.contactNumber,
            attemptID: record.metadata?["attempt_id"]?.stringValue,
            createdAt: record.createdDate,
            durationMilliseconds: record.durationMilliseconds,
            summary: record.summary,
            disposition: record.callEvalTag,
            entityJSON: entityJSON,
            cost: record.cost,
            transcript: record.transcript?.text
        )
    }
}
