/// Reads and drops a request body that no handler will read, before an early answer.
///
/// The API's server reads a request before it answers. A client still sending its body when an
/// error answer arrives may fail the request instead of reading the answer (AsyncHTTPClient stops
/// sending and reports a body length mismatch), which made the simulator's early answers (401, 429
/// and injected faults) depend on timing.
enum UnreadBody {
    /// The most bytes read; the rest of a larger body goes with the connection.
    static let limit = 1 << 20

    /// Reads `body` to its end, or to ``limit`` bytes, and drops it; a failure to read ends it quietly,
    /// since the answer is sent all the same.
    static func discard<Body: AsyncSequence>(_ body: Body, size: (Body.Element) -> Int) async {
        var remaining = limit
        do {
            for try await chunk in body {
                remaining -= size(chunk)
                if remaining <= 0 { return }
            }
        } catch {
            return
        }
    }
}
