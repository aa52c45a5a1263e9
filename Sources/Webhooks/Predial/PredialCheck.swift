import Foundation

/// Asks the user's server, before each attempt, whether a contact may be called (Vapi's
/// `campaign.predial`, made safe): a signed POST of the contact and the attempt number, answered with
/// `{"eligible": true}` to call or `{"eligible": false, "reason": "…"}` not to.
///
/// A timeout (5 s by default), an error status, a broken connection or any other answer follows the
/// failure policy, `skip` by default, and the error is kept with the decision. The check never waits
/// longer than its timeout.
///
/// ```swift
/// let check = PredialCheck(endpoint: try WebhookEndpoint(url: predialURL, secrets: [secret]))
/// let decision = await check.check(request, using: sender)
/// if decision.action == .skip { finalize(contact, as: .skipped, reason: decision.summary) }
/// ```
public struct PredialCheck: Sendable {
    /// The pre-dial URL and the secrets that sign its requests.
    public var endpoint: WebhookEndpoint
    /// How long to wait for the answer.
    public var timeout: Duration
    /// What to do without a usable answer.
    public var onError: PredialFailurePolicy

    /// The most bytes of an answer that are read.
    static let answerLimit = 16 * 1024
    /// The most characters of a reason that are kept.
    static let reasonLimit = 500

    /// Creates a pre-dial check.
    /// - Parameters:
    ///   - endpoint: The pre-dial URL and its secrets.
    ///   - timeout: How long to wait for the answer, 5 s by default.
    ///   - onError: What to do without a usable answer, `skip` by default.
    public init(endpoint: WebhookEndpoint, timeout: Duration = .seconds(5), onError: PredialFailurePolicy = .skip) {
        self.endpoint = endpoint
        self.timeout = timeout
        self.onError = onError
    }

    /// Asks about one attempt.
    /// - Parameters:
    ///   - request: The contact and the attempt about to be made.
    ///   - sender: The sender whose HTTP client carries the request (and whose clock stamps it).
    /// - Returns: Call or not, with the server's reason or what went wrong.
    public func check(_ request: PredialRequest, using sender: WebhookSender) async -> PredialDecision {
        let message = request.message(at: sender.now())
        let exchange = await sender.post(message, to: endpoint, timeout: timeout, keeping: Self.answerLimit)
        switch Self.answer(exchange) {
        case .success(let answer):
            return answer
        case .failure(let error):
            return PredialDecision(action: onError == .dial ? .dial : .skip, error: error.message)
        }
    }

    /// A well-formed answer's decision, or what is wrong with the exchange.
    static func answer(_ exchange: WebhookSender.Exchange) -> Result<PredialDecision, PredialFailure> {
        guard case .response(let response) = exchange.result, (200...299).contains(response.status) else {
            return .failure(PredialFailure(message: exchange.result.summary))
        }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(exchange.body)) else {
            return .failure(
                PredialFailure(message: "HTTP \(response.status) but the answer is not {\"eligible\": true|false} JSON")
            )
        }
        if answer.eligible { return .success(PredialDecision(action: .dial)) }
        let reason = (answer.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let kept = reason.count > reasonLimit ? reason.prefix(reasonLimit) + "…" : reason
        return .success(PredialDecision(action: .skip, reason: kept.isEmpty ? "not eligible" : String(kept)))
    }

    /// Why an exchange gave no usable answer.
    struct PredialFailure: Error {
        var message: String
    }

    private struct Answer: Decodable {
        var eligible: Bool
        var reason: String?
    }
}
