extension DispatchStateMachine {
    /// An answer was handled: entries are written once there are enough of them or the last write is old
    /// enough.
    /// - Returns: What to write now, if anything; pass it to ``writeCompleted(_:at:)`` once written.
    mutating func writeDue(now: Instant) -> JournalWrite? {
        guard writes.isDue(now: now) else { return nil }
        return takeWrite(now)
    }

    /// A write the machine asked for is done; the age of the next batch counts from `now`.
    mutating func writeCompleted(_ write: JournalWrite, at now: Instant) {
        writes.written(write, at: now)
    }
}
