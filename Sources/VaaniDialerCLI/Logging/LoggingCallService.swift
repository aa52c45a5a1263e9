import CampaignStore
import CampaignEngine
import Foundation
import Logging

/// The engine's ``CallService`` with a debug line for every trigger and its answer, so that `--log-level
/// debug` shows who was called and what the API said. Numbers go through the log handler's mask.
struct LoggingCallService<Base: CallService>: CallService {
    let base: Base
    let logger: Logger

    func placeCall(_ request: CallRequest) async throws(TriggerFailure) -> String {
        let metadata: Logger.Metadata = [
            "contact.number": "\(request.contactNumber)",
            "attempt.id": "\(request.attemptID.uuidString.lowercased())",
        ]
        logger.debug("triggering call", metadata: metadata)
        do {
            let callID = try await base.placeCall(request)
            logger.debug("call placed", metadata: metadata.merging(["call.id": "\(callID)"]) { $1 })
            return callID
        } catch {
            logger.debug("trigger failed", metadata: metadata.merging(["error": "\(error)"]) { $1 })
            throw error
        }
    }

    func callHistory(page: Int, pageSize: Int) async throws -> (records: [CallReport], totalPages: Int?) {
        let answer = try await base.callHistory(page: page, pageSize: pageSize)
        logger.trace(
            "call history page",
            metadata: ["page": "\(page)", "records": "\(answer.records.count)"]
        )
        return answer
    }

    func callDetails(callID: String) async throws -> CallReport {
        let report = try await base.callDetails(callID: callID)
        logger.debug(
            "call details",
            metadata: [
                "call.id": "\(callID)", "call.status": "\(report.callStatus)",
                "contact.number": "\(report.contactNumber ?? "unknown")",
            ]
        )
        return report
    }
}
