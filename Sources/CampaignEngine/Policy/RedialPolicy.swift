/// When a call that did not reach its contact is dialed again.
///
/// ```swift
/// var policy = RedialPolicy()            // 3 attempts; 30 min after no answer, 60 min after busy, …
/// policy.delays[.busy] = .seconds(600)  // redial busy lines after 10 minutes
/// ```
public struct RedialPolicy: Sendable, Hashable {
    /// What to do after a call ended.
    public enum Decision: Sendable, Hashable {
        /// The contact is final.
        case finish
        /// Dial again after the delay.
        case redial(after: Duration)
    }

    /// The outcomes a redial can follow.
    public static let redialableOutcomes: [CallOutcome] = [.noAnswer, .busy, .failed, .voicemail]

    /// The delays used when none is configured: no answer 30 min, busy 60 min, failed 120 min,
    /// voicemail 120 min.
    public static let defaultDelays: [CallOutcome: Duration] = [
        .noAnswer: .seconds(30 * 60),
        .busy: .seconds(60 * 60),
        .failed: .seconds(120 * 60),
        .voicemail: .seconds(120 * 60),
    ]

    /// The most attempts per contact, the first call included (at least 1).
    public var maxAttempts: Int
    /// The wait before a redial, per outcome; an outcome without a delay is never redialed.
    public var delays: [CallOutcome: Duration]

    /// Creates a policy.
    /// - Parameters:
    ///   - maxAttempts: The most attempts per contact (default 3).
    ///   - delays: The wait before a redial, per outcome.
    public init(maxAttempts: Int = 3, delays: [CallOutcome: Duration] = RedialPolicy.defaultDelays) {
        self.maxAttempts = max(1, maxAttempts)
        self.delays = delays.filter { $0.key != .completed }
    }

    /// What to do after a call ended with `outcome`, the contact having used `attempts` attempts.
    /// - Parameters:
    ///   - outcome: How the call ended.
    ///   - attempts: Attempts used so far, this one included.
    public func decision(after outcome: CallOutcome, attempts: Int) -> Decision {
        guard outcome != .completed, attempts < maxAttempts, let delay = delays[outcome] else { return .finish }
        return .redial(after: delay)
    }
}
