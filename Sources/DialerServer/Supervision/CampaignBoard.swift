public import CampaignEngine
public import Foundation
import Synchronization

/// The live state of every campaign this server runs: each runner's last progress snapshot, what the
/// runner is doing, and the recent pace for the dashboard's chart. Runners write it from their progress
/// callbacks; the API, the dashboard's event streams and the metrics read it.
public final class CampaignBoard: Sendable {
    /// One campaign's live entry.
    public struct Entry: Sendable, Hashable {
        /// The runner's state.
        public var runner: RunnerState = .idle
        /// The last progress snapshot of the current (or last) run.
        public var progress: RunProgress?
        /// Calls per second, sampled about every five seconds over the last ten minutes, oldest first.
        public var paceHistory: [PaceSample] = []
        /// Whether a start or resume came while a runner was still stopping, so that the campaign must
        /// be marked running again once that runner has returned.
        var restartRequested = false
        /// Consecutive failed runs, for the back-off.
        var failures = 0
    }

    /// One sample of the pace.
    public struct PaceSample: Sendable, Hashable {
        /// When.
        public var at: Date
        /// Calls placed per second.
        public var callsPerSecond: Double
    }

    /// How far apart pace samples are.
    static let sampleSpacing: TimeInterval = 5
    /// How many samples are kept (ten minutes).
    static let sampleCount = 120

    private let entries = Mutex<[Int64: Entry]>([:])
    private let drainingFlag = Mutex(false)

    /// Creates an empty board.
    public init() {}

    /// The entry of campaign `id` (an idle one when there is none).
    public func entry(_ id: Int64) -> Entry {
        entries.withLock { $0[id] ?? Entry() }
    }

    /// Whether the server has begun its graceful shutdown: no campaign starts any more.
    public var isDraining: Bool { drainingFlag.withLock { $0 } }

    /// Marks the server as shutting down.
    func beginDraining() { drainingFlag.withLock { $0 = true } }

    /// Changes the entry of campaign `id`.
    @discardableResult
    func update<R>(_ id: Int64, _ body: (inout Entry) -> R) -> R {
        entries.withLock { entries in
            var entry = entries[id] ?? Entry()
            let result = body(&entry)
            entries[id] = entry
            return result
        }
    }

    /// Stores a progress snapshot and samples the pace.
    func record(_ progress: RunProgress, of id: Int64) {
        update(id) { entry in
            entry.progress = progress
            if case .starting = entry.runner { entry.runner = .running(since: progress.at) }
            if let last = entry.paceHistory.last, progress.at.timeIntervalSince(last.at) < Self.sampleSpacing { return }
            entry.paceHistory.append(PaceSample(at: progress.at, callsPerSecond: progress.callsPerSecond))
            if entry.paceHistory.count > Self.sampleCount {
                entry.paceHistory.removeFirst(entry.paceHistory.count - Self.sampleCount)
            }
        }
    }

    /// The ids of campaigns with a runner here (starting or running).
    var activeIDs: Set<Int64> {
        entries.withLock { entries in
            Set(entries.compactMap { id, entry in
                switch entry.runner {
                case .starting, .running: id
                default: nil
                }
            })
        }
    }
}
