/// Attempts started and committed in one batch whose triggers are not sent yet: the run loop takes them
/// one at a time as send slots come, and gives back the ones left when the run stops.
struct AttemptReserve: Sendable {
    private var attempts: [DispatchAttempt] = []
    private var index = 0

    /// Whether no attempt is waiting.
    var isEmpty: Bool { index >= attempts.count }

    /// The attempts waiting.
    var count: Int { attempts.count - index }

    /// Adds an attempt at the end.
    mutating func append(_ attempt: DispatchAttempt) {
        attempts.append(attempt)
    }

    /// Takes the first attempt waiting.
    mutating func take() -> DispatchAttempt? {
        guard index < attempts.count else { return nil }
        let attempt = attempts[index]
        index += 1
        if index >= attempts.count {
            attempts.removeAll(keepingCapacity: true)
            index = 0
        }
        return attempt
    }

    /// Takes every attempt waiting, in order.
    mutating func takeAll() -> [DispatchAttempt] {
        let left = Array(attempts[index...])
        attempts.removeAll()
        index = 0
        return left
    }
}
