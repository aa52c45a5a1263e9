import Foundation
import OpenAPIRuntime
import Synchronization

/// A call as seen at one moment, copied out of the lock.
struct CallView: Sendable {
    var callID: String
    var call: SimulatedCall
    var agentID: String
    var agentName: String
    var agentPersona: String
    var company: String
    var phase: CallPhase
}

extension SimulatorCore {
    /// The call with an id.
    func call(_ callID: String) throws(SimulatorFailure) -> CallView {
        let nowNanos = now
        let found = state.withLock { state -> CallView? in
            guard let index = state.calls.index(ofCallID: callID) else { return nil }
            return self.view(of: index, in: state, at: nowNanos)
        }
        guard let view = found else { throw .notFound("Call \(callID) not found") }
        return view
    }

    /// One page of the history, newest first, and the total number of calls.
    func history(page: Int, pageSize: Int) -> ([CallView], Int) {
        let nowNanos = now
        return state.withLock { state in
            let total = state.calls.calls.count
            let newest = total - 1 - (page - 1) * pageSize
            guard newest >= 0 else { return ([], total) }
            let oldest = max(0, newest - pageSize + 1)
            return (stride(from: newest, through: oldest, by: -1).map { self.view(of: $0, in: state, at: nowNanos) }, total)
        }
    }

    /// Every placed call, oldest first, as the ledger reports them.
    func ledger(offset: Int, limit: Int) -> [LedgerEntry] {
        let calls = state.withLock { state -> [(String, SimulatedCall)] in
            let all = state.calls.calls
            let start = min(max(0, offset), all.count)
            let end = min(all.count, start + max(0, limit))
            return (start..<end).map { (state.calls.callID(at: $0), all[$0]) }
        }
        return calls.map { callID, call in
            LedgerEntry(
                callID: callID, contactNumber: call.contactNumber, name: call.name,
                metadata: (try? Self.metadata(fromJSON: call.metadataJSON)) ?? OpenAPIObjectContainer(),
                idempotencyKey: call.idempotencyKey, createdAt: clock.timestamp(atNanos: call.createdAtNanos)
            )
        }
    }

    /// Calls placed so far.
    var callsPlaced: Int { state.withLock { $0.calls.calls.count } }

    /// The `metadata` a call or session was placed with, from the compact JSON stored when it was placed.
    static func metadata(fromJSON text: String) throws -> OpenAPIObjectContainer {
        if text == "{}" { return OpenAPIObjectContainer() }
        return try JSONDecoder().decode(OpenAPIObjectContainer.self, from: Data(text.utf8))
    }

    /// The transcript, summary and tags of a call that connected and ended; nil otherwise.
    /// - Parameters:
    ///   - view: The call.
    ///   - metadata: The call's decoded `metadata` (``metadata(fromJSON:)``), whose values the
    ///     conversation may quote; callers building a record already have it.
    func content(of view: CallView, metadata: OpenAPIObjectContainer) -> CallContent? {
        guard case .ended(let outcome) = view.phase, outcome.connects else { return nil }
        var random = SplitMix64(mixing: configuration.seed, view.call.tag)
        return ConversationScript.write(
            .init(
                contactName: view.call.name, metadata: metadata.value.compactMapValues(Self.text),
                agentPersona: view.agentPersona, company: view.company, talkMs: Int(view.call.schedule.talkMs),
                outcome: outcome
            ),
            random: &random
        )
    }

    /// A metadata value as the conversation may quote it: text, a number without a needless ".0", or
    /// yes/no; nothing for null, arrays and objects.
    private static func text(_ value: (any Sendable)?) -> String? {
        switch value {
        case let text as String: text
        case let flag as Bool: flag ? "yes" : "no"
        case let number as Int: String(number)
        case let number as Double: number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        default: nil
        }
    }

    private func view(of index: Int, in state: SimulatorState, at nowNanos: Int64) -> CallView {
        let call = state.calls.calls[index]
        let agent = state.agents[Int(call.agentIndex)]
        let persona = (agent.config["persona"] ?? nil) as? [String: (any Sendable)?]
        let training = (agent.config["training"] ?? nil) as? [String: (any Sendable)?]
        return CallView(
            callID: state.calls.callID(at: index), call: call, agentID: agent.id, agentName: agent.name,
            agentPersona: (persona?["name"] ?? nil) as? String ?? agent.displayName,
            company: (training?["company"] ?? nil) as? String ?? "Vaani",
            phase: call.schedule.phase(atNominalMs: nominalMs(since: call.createdAtNanos, until: nowNanos))
        )
    }

    /// The name of a live agent, by id or name.
    func agentName(_ idOrName: String) -> String? {
        state.withLock { state in state.agents.index(of: idOrName).map { state.agents[$0].name } }
    }
}
