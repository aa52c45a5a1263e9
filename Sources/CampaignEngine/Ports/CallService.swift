public import CampaignStore
/// The part of the Vaani API the engine uses. ``VaaniCallService`` implements it over `VaaniClient`;
/// keeping the engine on this protocol lets the scheduler run under a test clock.
public protocol CallService: Sendable {
    /// Places a call and returns its call id.
    /// - Parameter request: The call, with its attempt id as the idempotency key.
    /// - Throws: ``TriggerFailure`` for every failure, already classified.
    func placeCall(_ request: CallRequest) async throws(TriggerFailure) -> String

    /// One page of the call history, newest first. A refused API key is thrown as
    /// ``TriggerFailure/authentication(message:)`` so that the run stops, and a 429 as
    /// ``TriggerFailure/rateLimited(retryAfter:)`` so that every request backs off.
    /// - Parameters:
    ///   - page: The 1-based page.
    ///   - pageSize: Records per page (at most 200).
    /// - Returns: The records and, when the API says, the number of pages.
    func callHistory(page: Int, pageSize: Int) async throws -> (records: [CallReport], totalPages: Int?)

    /// One call's details; a 429 is thrown as ``TriggerFailure/rateLimited(retryAfter:)``.
    /// - Parameter callID: The call.
    func callDetails(callID: String) async throws -> CallReport
}

