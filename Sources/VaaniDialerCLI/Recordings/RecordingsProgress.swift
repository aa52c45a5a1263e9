import Foundation
import Synchronization

/// The progress of `recordings` while several downloads stream at once: one bar of files done and
/// bytes received, redrawn at most ten times a second as bytes arrive and whenever a file finishes,
/// with each failed file reported on its own line.
final class RecordingsProgress: Sendable {
    private struct State {
        var bar: ProgressBar
        var done = 0
        var bytes: Int64 = 0
        var lastDraw: ContinuousClock.Instant?
    }

    private let state: Mutex<State>
    private let total: Int

    /// - Parameters:
    ///   - total: The recordings to fetch.
    ///   - isTerminal: Whether standard output is a terminal (a bar redrawn in place) or not (lines).
    init(total: Int, isTerminal: Bool) {
        self.total = total
        state = Mutex(State(bar: ProgressBar(isTerminal: isTerminal, label: "recordings")))
    }

    /// Counts bytes that arrived, redrawing the bar when it is due.
    func received(_ count: Int) {
        state.withLock { state in
            state.bytes += Int64(count)
            let now = ContinuousClock.now
            if let last = state.lastDraw, now - last < .milliseconds(100) { return }
            draw(&state, at: now)
        }
    }

    /// A file finished; a failure is passed to `report` on a line of its own.
    func finished(_ file: String, failure: String?, report: (String) -> Void) {
        state.withLock { state in
            state.done += 1
            if let failure {
                state.bar.finish()
                report("\(file): \(failure)")
            }
            draw(&state, at: .now)
        }
    }

    /// Ends the bar's line.
    func finish() {
        state.withLock { $0.bar.finish() }
    }

    private func draw(_ state: inout State, at now: ContinuousClock.Instant) {
        state.lastDraw = now
        state.bar.update(
            fraction: Double(state.done) / Double(max(1, total)),
            numbers: "\(state.done)/\(total) recordings, \(ByteCount.text(state.bytes)) received"
        )
    }
}
