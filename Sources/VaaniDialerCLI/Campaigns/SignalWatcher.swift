import CampaignEngine
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the first SIGINT or SIGTERM into a graceful stop (no new calls, in-flight requests finish,
/// everything is saved) and a second one into an immediate exit. The store commits each batch in one
/// transaction, so an immediate exit leaves it consistent. Signal delivery is not a task, so a Dispatch
/// source is the one place this command steps outside structured concurrency.
final class SignalWatcher {
    private let sources: [any DispatchSourceSignal]

    init(control: RunControl, campaign: String) {
        let queue = DispatchQueue(label: "vaani.signals")
        let received = Mutex(0)
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if received.withLock({ count in count += 1; return count }) == 1 {
                    FileHandle.standardError.write(
                        Data("\nStopping: no new calls; waiting for in-flight requests (signal again to exit at once)…\n".utf8)
                    )
                    control.requestStop()
                } else {
                    FileHandle.standardError.write(Data("\nExiting now. To continue, run: vaani-dialer resume \(campaign)\n".utf8))
                    exit(130)
                }
            }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
