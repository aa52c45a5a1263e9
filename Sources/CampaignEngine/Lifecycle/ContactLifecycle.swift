public import CampaignStore
public import Foundation

/// The lifecycle of one contact as a value: each `mutating` method applies one event and returns what
/// the dialer must do next. It performs no I/O, so every transition is tested on its own.
///
/// `attempts` counts attempts that placed a call or may have placed one. An attempt that provably placed
/// nothing (a 429, a 402, a 401, a connection never established, or a reconciliation that found no call)
/// is given back.
///
/// ```swift
/// var contact = ContactLifecycle(status: .pending, attempts: 0)
/// guard contact.startAttempt(maxAttempts: 3) == .trigger else { return }
/// switch contact.triggerFailed(.ambiguous(message: "timeout")) {
/// case .reconcile: break  // look the call up in the history before anything else
/// default: break
/// }
/// ```
public struct ContactLifecycle: Sendable, Hashable {
    /// What the dialer must do after an event.
    public enum Action: Sendable, Hashable {
        /// Send the trigger request of the attempt just started.
        case trigger
        /// The call was placed: follow it until it ends.
        case follow
        /// The outcome is unknown: look for the call in the history before dialing again.
        case reconcile
        /// Nothing was placed and nothing is wrong with the contact: put it back in the queue.
        case requeue
        /// Nothing was placed and the wallet is empty: pause the campaign.
        case pauseCampaign
        /// Nothing was placed and the API key was refused: stop the run at once.
        case stopRun
        /// The number must enter the suppression list; the contact is final (`dnd`).
        case suppress(reason: String)
        /// The contact reached a final status.
        case finish
        /// A redial is due at the given time.
        case redial(at: Date)
        /// The event does not apply to the contact's current status; nothing changed.
        case rejected(String)
    }

    /// What becomes of a due contact the dialer takes (``take(_:under:at:)``).
    public enum TakeAction: Sendable, Hashable {
        /// Its number is on the do-not-call list now: it ends as `suppressed`.
        case suppress
        /// Its calling window is closed: it waits, as it is, until the window opens.
        case waitForWindow(opening: Date)
        /// It has used every attempt the campaign allows now: it ends as `failed`.
        case giveUp
        /// An attempt started: commit it, then send its trigger.
        case trigger
        /// The contact is not waiting to be dialed; nothing changed.
        case rejected(String)
    }

    /// The current status.
    public private(set) var status: ContactStatus
    /// Attempts that placed or may have placed a call.
    public private(set) var attempts: Int
    /// When a `retry_wait` contact may be redialed.
    public private(set) var nextAttemptAt: Date?
    /// Why the contact ended as it did, when the API or the dialer said so.
    public private(set) var lastError: String?

    /// A lifecycle in a stored state.
    /// - Parameters:
    ///   - status: The stored status.
    ///   - attempts: The stored attempt count.
    ///   - nextAttemptAt: The stored redial time, if any.
    public init(status: ContactStatus, attempts: Int = 0, nextAttemptAt: Date? = nil) {
        self.status = status
        self.attempts = max(0, attempts)
        self.nextAttemptAt = nextAttemptAt
        self.lastError = nil
    }

    /// The lifecycle of a due contact, as stored.
    /// - Parameter contact: The contact.
    public init(_ contact: DueContact) {
        self.init(status: contact.status, attempts: contact.attempts, nextAttemptAt: contact.nextAttemptAt)
    }

    /// Starts an attempt: the attempt row is committed, then the trigger is sent.
    /// - Parameter maxAttempts: The campaign's attempt limit.
    public mutating func startAttempt(maxAttempts: Int) -> Action {
        guard status.isDialable else { return .rejected("cannot dial a contact that is \(status.rawValue)") }
        guard attempts < maxAttempts else {
            return .rejected("all \(maxAttempts) attempts are used")
        }
        status = .dialing
        attempts += 1
        nextAttemptAt = nil
        return .trigger
    }

    /// The dialer took a due contact: the one decision on suppression, calling hours and the attempt limit,
    /// which the run loop and `plan` share. In this order: a number now on the do-not-call list ends the
    /// contact; a closed calling window (in the contact's own time zone) defers it, as it is, until the
    /// window opens; a contact that has used every attempt the campaign allows now (the limit was lowered
    /// below what it already used) ends as `failed`; any other starts an attempt.
    /// - Parameters:
    ///   - contact: The contact, whose suppression and time zone count.
    ///   - configuration: The calling hours, the fallback time zone and the attempt limit.
    ///   - date: The time it is taken at.
    public mutating func take(
        _ contact: DueContact,
        under configuration: EngineConfiguration,
        at date: Date
    ) -> TakeAction {
        guard status.isDialable else { return .rejected("cannot dial a contact that is \(status.rawValue)") }
        if contact.isSuppressed {
            status = .suppressed
            nextAttemptAt = nil
            lastError = "number is on the do-not-call list"
            return .suppress
        }
        if let opening = configuration.windowOpening(for: contact, at: date) {
            deferToWindow(opening: opening)
            return .waitForWindow(opening: opening)
        }
        let maxAttempts = configuration.redial.maxAttempts
        guard startAttempt(maxAttempts: maxAttempts) == .trigger else {
            giveUp(maxAttempts: maxAttempts)
            return .giveUp
        }
        return .trigger
    }

    /// The contact's calling window is closed: it waits, as it is, until `opening`. ``take(_:under:at:)``
    /// decides when.
    /// - Parameter opening: When its window opens next.
    public mutating func deferToWindow(opening: Date) {
        nextAttemptAt = opening
    }

    /// The contact has used every attempt the campaign allows now (the limit was lowered below what it
    /// already used): it ends as `failed`. ``take(_:under:at:)`` decides when.
    /// - Parameter maxAttempts: The campaign's attempt limit.
    public mutating func giveUp(maxAttempts: Int) {
        status = .failed
        nextAttemptAt = nil
        lastError = "all \(maxAttempts) attempts are used"
    }

    /// The API accepted the trigger and returned a call id.
    public mutating func triggerAccepted() -> Action {
        guard status == .dialing || status == .unknown else {
            return .rejected("no trigger is in flight for a contact that is \(status.rawValue)")
        }
        status = .inCall
        return .follow
    }

    /// The trigger request failed.
    /// - Parameter failure: What went wrong, classified.
    public mutating func triggerFailed(_ failure: TriggerFailure) -> Action {
        guard status == .dialing else {
            return .rejected("no trigger is in flight for a contact that is \(status.rawValue)")
        }
        switch failure {
        case .rateLimited, .notSent:
            giveBackAttempt()
            return .requeue
        case .insufficientBalance:
            giveBackAttempt()
            return .pauseCampaign
        case .authentication:
            giveBackAttempt()
            return .stopRun
        case .forbidden(let message):
            status = .dnd
            lastError = message
            return .suppress(reason: message)
        case .validation(let message):
            status = .invalid
            lastError = message
            return .finish
        case .ambiguous(let message):
            status = .unknown
            lastError = message
            return .reconcile
        }
    }

    /// The call history answered for an `unknown` (or interrupted `dialing`) attempt.
    /// - Parameter placed: Whether a call of this attempt was found.
    public mutating func reconciled(placed: Bool) -> Action {
        guard status.isUnfinishedAttempt else {
            return .rejected("nothing to reconcile for a contact that is \(status.rawValue)")
        }
        if placed {
            status = .inCall
            lastError = nil
            return .follow
        }
        giveBackAttempt()
        return .requeue
    }

    /// The call reached a final status.
    /// - Parameters:
    ///   - outcome: How it ended.
    ///   - policy: The campaign's redial policy.
    ///   - now: The current time, from which a redial delay counts.
    public mutating func callEnded(_ outcome: CallOutcome, policy: RedialPolicy, now: Date) -> Action {
        guard status == .inCall else {
            return .rejected("no call is being followed for a contact that is \(status.rawValue)")
        }
        switch policy.decision(after: outcome, attempts: attempts) {
        case .finish:
            status = outcome.finalStatus
            return .finish
        case .redial(let delay):
            status = .retryWait
            let due = now.addingTimeInterval(delay.timeInterval)
            nextAttemptAt = due
            return .redial(at: due)
        }
    }

    /// The call never reached a final status within the campaign's bound. It ends as `failed` and is not
    /// redialed, since it might still be live.
    /// - Parameter bound: The bound that passed, for the record.
    public mutating func callUnresolved(after bound: Duration) -> Action {
        guard status == .inCall else {
            return .rejected("no call is being followed for a contact that is \(status.rawValue)")
        }
        status = .failed
        lastError = "no final call status within \(bound.humanReadable)"
        return .finish
    }

    /// Before a redial the number was found on a do-not-call list.
    public mutating func suppressed() -> Action {
        guard status.isDialable else { return .rejected("cannot suppress a contact that is \(status.rawValue)") }
        status = .suppressed
        nextAttemptAt = nil
        return .finish
    }

    /// The campaign was cancelled. Contacts waiting to be dialed end as `cancelled`; a call in flight is
    /// followed to its end.
    public mutating func cancel() -> Action {
        guard status.isDialable else { return .rejected("a contact that is \(status.rawValue) is not waiting") }
        status = .cancelled
        nextAttemptAt = nil
        return .finish
    }

    private mutating func giveBackAttempt() {
        attempts = max(0, attempts - 1)
        status = attempts == 0 ? .pending : .retryWait
        if status == .retryWait { nextAttemptAt = nil }
    }
}
