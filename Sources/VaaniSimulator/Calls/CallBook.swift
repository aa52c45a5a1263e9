/// Every placed call, the idempotency keys that placed them and the attempts per number.
/// A value type: its `mutating` methods are the only way calls come into being.
struct CallBook: Sendable {
    private(set) var calls: [SimulatedCall] = []
    private var callByIdempotencyKey: [String: Int] = [:]
    private var attemptsByNumber: [String: UInt32] = [:]

    /// The call with this id, if it exists.
    func index(ofCallID id: String) -> Int? {
        guard let (tag, index) = CallID.parse(id), calls.indices.contains(index), calls[index].tag == tag else {
            return nil
        }
        return index
    }

    /// The call a repeated idempotency key placed before.
    func index(forIdempotencyKey key: String) -> Int? { callByIdempotencyKey[key] }

    /// Counts a trigger towards a number and returns how many came before it, so that each attempt
    /// at a number draws from its own random stream whatever the order of other numbers.
    mutating func nextAttempt(for number: String) -> UInt32 {
        let attempt = attemptsByNumber[number, default: 0]
        attemptsByNumber[number] = attempt + 1
        return attempt
    }

    /// Records a placed call and returns its index.
    mutating func place(_ call: SimulatedCall) -> Int {
        let index = calls.count
        calls.append(call)
        if let key = call.idempotencyKey { callByIdempotencyKey[key] = index }
        return index
    }

    /// The id of the call at an index.
    func callID(at index: Int) -> String { CallID.make(tag: calls[index].tag, index: index) }
}
