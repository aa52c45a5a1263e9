import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1
public import VaaniSimulator

/// A simulator started by ``withSimulator(_:_:)``: where it listens, which key it accepts, and its
/// `/_sim/` control endpoints.
public struct RunningSimulator: Sendable {
    /// The bound port.
    public let port: Int
    /// `http://127.0.0.1:PORT`, the base URL to give a client.
    public let baseURL: URL
    /// An API key the simulator accepts (the first configured one, or the demo key).
    public let apiKey: String
    /// The configuration it runs with (host and port as bound).
    public let configuration: SimulatorConfiguration

    init(port: Int, apiKey: String, configuration: SimulatorConfiguration) {
        self.port = port
        // A literal of this shape always parses; the fallback only keeps the initialiser total.
        self.baseURL = URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
        self.apiKey = apiKey
        var configuration = configuration
        configuration.port = port
        self.configuration = configuration
    }

    /// Requests by route and status, calls placed, replays and faults (`GET /_sim/stats`).
    public func stats() async throws -> SimulatorStats {
        try await control(.GET, "/_sim/stats", as: SimulatorStats.self)
    }

    /// Every placed call, oldest first (`GET /_sim/ledger`).
    public func ledger() async throws -> [LedgerEntry] {
        try await control(.GET, "/_sim/ledger", as: [LedgerEntry].self)
    }

    /// Sets the wallet balance of every key, or of one key (`POST /_sim/wallet`).
    /// - Parameters:
    ///   - balance: The new balance (≥ 0).
    ///   - apiKey: The key whose wallet to set; all keys when nil.
    public func setBalance(_ balance: Double, apiKey: String? = nil) async throws {
        let json = "{\"balance\":\(balance)" + (apiKey.map { ",\"api_key\":\(Self.quoted($0))" } ?? "") + "}"
        _ = try await control(.POST, "/_sim/wallet", body: json, as: WalletBalances.self)
    }

    /// The wallet balance of every key (`GET /_sim/wallet`).
    public func balances() async throws -> [String: Double] {
        try await control(.GET, "/_sim/wallet", as: WalletBalances.self).balances
    }

    private struct WalletBalances: Decodable { var balances: [String: Double] }

    private func control<T: Decodable>(
        _ method: HTTPMethod, _ path: String, body: String? = nil, as type: T.Type
    ) async throws -> T {
        var request = HTTPClientRequest(url: baseURL.absoluteString + path)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 30)
        guard response.status == .ok else {
            throw SimulatorControlError(
                operation: "\(method.rawValue) \(path)", status: Int(response.status.code),
                detail: String(buffer: bytes)
            )
        }
        return try JSONDecoder().decode(T.self, from: Data(bytes.readableBytesView))
    }

    private static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// A control request to the simulator failed.
public struct SimulatorControlError: Error, CustomStringConvertible, Sendable {
    /// What was attempted (`GET /_sim/ledger`, `start`).
    public var operation: String
    /// The HTTP status, when there was a response.
    public var status: Int?
    /// The response body or the reason.
    public var detail: String

    /// `simulator OPERATION failed (STATUS): DETAIL`.
    public var description: String {
        "simulator \(operation) failed" + (status.map { " (\($0))" } ?? "") + ": \(detail)"
    }
}
