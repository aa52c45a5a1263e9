import ArgumentParser
import VaaniAPI

/// A failed API request as the user sees it: what went wrong and what to do, and the exit code,
/// the same as `run`'s: 4 when the key is refused (401), 3 for an empty wallet (402), 1 otherwise.
struct APIFailure: Sendable {
    /// One line for standard error.
    let message: String
    /// The process's exit code.
    let exitCode: ExitCode

    init(_ error: VaaniError) {
        switch error.kind {
        case .authentication:
            message = "the API key was refused (401): \(error.message). Check VAANI_API_KEY or --api-key-file."
            exitCode = ExitCode(4)
        case .insufficientBalance:
            message = "insufficient balance (402): \(error.message). Top up the wallet, then try again."
            exitCode = ExitCode(3)
        case .notFound:
            message = "not found (404): \(error.message)"
            exitCode = .failure
        case .connection where !error.requestMayHaveBeenSent:
            message = "the API is unreachable: \(error.message)"
            exitCode = .failure
        default:
            message = error.description
            exitCode = .failure
        }
    }
}
