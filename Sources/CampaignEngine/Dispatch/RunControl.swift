import Synchronization

/// Lets another task (a signal handler) ask a running campaign to stop starting calls.
///
/// ```swift
/// let control = RunControl()
/// // on SIGINT:
/// control.requestStop()
/// ```
public final class RunControl: Sendable {
    private let stopRequested = Mutex(false)

    /// Creates a control with no stop requested.
    public init() {}

    /// Asks the runner to stop starting calls, let in-flight requests finish, persist, and return.
    public func requestStop() {
        stopRequested.withLock { $0 = true }
    }

    /// Whether a stop was requested.
    public var isStopRequested: Bool { stopRequested.withLock { $0 } }
}
