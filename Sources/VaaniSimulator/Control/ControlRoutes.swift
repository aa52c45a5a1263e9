import Foundation
import Hummingbird
import Synchronization

/// The `/_sim/` endpoints for tests and rehearsals (no API key; never part of the client):
/// `GET /_sim/stats`, `GET /_sim/ledger[?offset=&limit=]`, `GET /_sim/wallet` and
/// `POST /_sim/wallet` with `{"balance": N}` (optionally `"api_key"` to set one key only).
struct ControlRoutes<Context: RequestContext> {
    let core: SimulatorCore

    func register(on router: Router<Context>) {
        let group = router.group("_sim")
        group.get("stats") { _, _ in
            try Self.json(core.statistics.withLock { $0.snapshot(callsPlaced: core.callsPlaced) })
        }
        group.get("ledger") { request, _ in
            let offset = try Self.integer(request, "offset") ?? 0
            let limit = try Self.integer(request, "limit") ?? Int.max
            return try Self.json(core.ledger(offset: offset, limit: limit))
        }
        group.get("wallet") { _, _ in try Self.json(core.wallets()) }
        group.post("wallet") { request, context in
            let change = try await request.decode(as: WalletChange.self, context: context)
            guard change.balance.isFinite, change.balance >= 0 else {
                throw SimulatorFailure.invalidField("balance", "must be a non-negative number, got \(change.balance)")
            }
            try core.setBalance(change.balance, apiKey: change.apiKey)
            return try Self.json(core.wallets())
        }
    }

    static func integer(_ request: Request, _ name: String) throws(SimulatorFailure) -> Int? {
        guard let text = request.uri.queryParameters[Substring(name)] else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw .invalidField(name, "must be a non-negative integer, got '\(text)'", in: "query")
        }
        return value
    }

    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value)))
        )
    }
}

/// The body of `POST /_sim/wallet`.
struct WalletChange: Decodable {
    var balance: Double
    var apiKey: String?

    enum CodingKeys: String, CodingKey {
        case balance
        case apiKey = "api_key"
    }
}

/// The balances `/_sim/wallet` reports, by API key.
struct WalletReport: Encodable {
    var balances: [String: Double]
}

extension SimulatorCore {
    func wallets() -> WalletReport {
        let balances = state.withLock { $0.balances }
        return WalletReport(balances: Dictionary(uniqueKeysWithValues: apiKeyIndex.map { ($0.key, balances[$0.value]) }))
    }

    func setBalance(_ balance: Double, apiKey: String?) throws(SimulatorFailure) {
        if let apiKey {
            guard let index = apiKeyIndex[apiKey] else { throw .invalidField("api_key", "unknown API key") }
            state.withLock { $0.balances[index] = balance }
        } else {
            state.withLock { $0.balances = $0.balances.map { _ in balance } }
        }
    }
}
