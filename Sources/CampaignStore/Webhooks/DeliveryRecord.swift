public import Foundation

/// What one delivery attempt of an event to an endpoint came to, as the store records it.
public enum DeliveryRecord: Sendable, Hashable {
    /// The endpoint answered 2xx.
    case delivered(at: Date, status: Int)
    /// It failed; try again at `retryAt`.
    case retry(at: Date, retryAt: Date, status: Int?, error: String)
    /// It failed for good (the retry schedule is exhausted).
    case failed(at: Date, status: Int?, error: String)
    /// The endpoint answered 410: it is disabled and receives nothing more.
    case endpointGone(at: Date, status: Int, error: String)
}
