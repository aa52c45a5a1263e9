import CampaignStore
import Foundation

extension CampaignRunner {
    /// Reads history pages, newest first, until every target is found or the pages are older than the
    /// oldest target; then asks for the details of followed calls the history did not show.
    ///
    /// Each request first waits for `admit`: the API's rate limit is per key for every request, so
    /// while it binds polls draw from the same paced budget as triggers. A 429 ends the poll and is
    /// reported.
    static func poll(
        _ calls: any CallService,
        _ request: PollRequest,
        admit: @Sendable () async throws -> Void
    ) async -> PollResult {
        var result = PollResult()
        var remainingCalls = request.callIDs
        var remainingUnknowns = request.unknowns
        let pageSize = 200
        var page = 1
        while page <= request.maxPages, !(remainingCalls.isEmpty && remainingUnknowns.isEmpty) {
            let records: [CallReport]
            let totalPages: Int?
            do {
                try await admit()
                (records, totalPages) = try await calls.callHistory(page: page, pageSize: pageSize)
            } catch TriggerFailure.authentication(let message) {
                result.error = message
                result.authenticationFailure = message
                break
            } catch TriggerFailure.rateLimited(let retryAfter) {
                result.error = "rate limited (429)"
                result.rateLimited = .some(retryAfter)
                break
            } catch {
                result.error = "\(error)"
                break
            }
            for record in records {
                if remainingCalls.remove(record.callID) != nil {
                    result.reports[record.callID] = record
                    continue
                }
                guard !remainingUnknowns.isEmpty else { continue }
                if let attemptID = record.attemptID?.lowercased() {
                    if let target = remainingUnknowns.removeValue(forKey: attemptID) {
                        result.matches[target.id] = record
                    }
                    continue
                }
                // Without an attempt id in the metadata, a call to the same number created after the attempt
                // started is the attempt's call.
                guard let number = record.contactNumber, let created = record.createdAt else { continue }
                if let match = remainingUnknowns.first(where: {
                    $0.value.number == number && created >= $0.value.startedAt.addingTimeInterval(-2)
                }) {
                    remainingUnknowns.removeValue(forKey: match.key)
                    result.matches[match.value.id] = record
                }
            }
            if remainingCalls.isEmpty && remainingUnknowns.isEmpty {
                result.conclusive = true
                break
            }
            if records.isEmpty || records.count < pageSize || totalPages.map({ page >= $0 }) == true {
                result.conclusive = true
                break
            }
            if let oldestOnPage = records.compactMap(\.createdAt).min(), oldestOnPage < request.oldest {
                result.conclusive = true
                break
            }
            page += 1
        }
        if request.unknowns.isEmpty, result.error == nil { result.conclusive = true }
        for callID in request.details where result.reports[callID] == nil && result.rateLimited == nil {
            do {
                try await admit()
                result.reports[callID] = try await calls.callDetails(callID: callID)
            } catch TriggerFailure.rateLimited(let retryAfter) {
                result.rateLimited = .some(retryAfter)
            } catch {
                continue
            }
        }
        return result
    }
}
