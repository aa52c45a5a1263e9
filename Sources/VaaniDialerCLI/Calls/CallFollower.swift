import VaaniAPI

/// Follows one call live: looks its details up every poll interval and reports each status it has
/// not reported yet (queued → ringing → in progress → outcome), until the call ends or time runs out.
struct CallFollower<C: Clock<Duration>>: Sendable {
    /// How often the call is looked up.
    let pollInterval: Duration
    /// How long the call is followed before giving up.
    let timeout: Duration
    /// The clock polls sleep on.
    let clock: C

    /// How following ended.
    enum Outcome: Sendable {
        /// The call reached a final status; its whole record.
        case ended(CallRecord)
        /// Time ran out; the last record seen.
        case timedOut(CallRecord?)
    }

    /// Follows `callID`, calling `onStatus` once per new status.
    /// - Parameters:
    ///   - callID: The call.
    ///   - details: Looks the call up (``CallsAPI/details(callID:)``).
    ///   - onStatus: Told each new status, in order.
    /// - Throws: What `details` throws, except a `notFound` right after the trigger, which is retried
    ///   (a real server may list a call a moment after placing it).
    func follow(
        callID: String,
        details: (String) async throws -> CallRecord,
        onStatus: (CallStatus) -> Void
    ) async throws -> Outcome {
        let deadline = clock.now.advanced(by: timeout)
        var last: CallRecord?
        var reported: CallStatus?
        while true {
            do {
                let record = try await details(callID)
                last = record
                if let status = record.status, status != reported {
                    reported = status
                    onStatus(status)
                }
                if record.status?.isFinal == true { return .ended(record) }
            } catch let error as VaaniError where error.kind == .notFound && last == nil {
                // Not listed yet: look again.
            }
            if clock.now >= deadline { return .timedOut(last) }
            try await clock.sleep(for: pollInterval)
        }
    }
}
