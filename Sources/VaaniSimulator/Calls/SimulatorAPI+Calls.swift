import Foundation
import OpenAPIRuntime
import Synchronization
import VaaniOpenAPI

extension SimulatorAPI {
    func triggerCall(_ input: Operations.TriggerCall.Input) async throws -> Operations.TriggerCall.Output {
        guard case .json(let request) = input.body else { throw SimulatorFailure.invalidField("body", "Expected JSON") }
        try Self.validate(request)
        if request.medium == .webrtc {
            let session = try core.createSession(
                agentID: request.agentId, uiType: "fullpage", metadataJSON: try Self.compactJSON(request.metadata),
                gracePeriodSeconds: 0, ttlSeconds: 1_800
            )
            return .ok(.init(body: .json(.init(value2: .init(
                token: session.token, roomName: session.roomName, agentName: session.agentName,
                connectionUrl: "wss://livekit.vaani.local", liveCaptionsUrl: "wss://live.vaani.local/captions/\(session.roomName)"
            )))))
        }
        let contactNumber = request.contactNumber ?? ""
        if request.testMode == true {
            guard let agentName = core.agentName(request.agentId) else {
                throw SimulatorFailure.invalidField("agent_id", "Agent '\(request.agentId)' not found")
            }
            return .ok(.init(body: .json(.init(value1: .init(
                success: true, message: "Test mode: call to \(contactNumber) simulated, nothing placed",
                output: .init(agentName: agentName)
            )))))
        }
        let receipt = try core.trigger(
            TriggerOrder(
                agentID: request.agentId, contactNumber: contactNumber, name: request.name ?? "",
                metadataJSON: try Self.compactJSON(request.metadata), idempotencyKey: input.headers.idempotencyKey,
                dndCheckSkipped: request.dndCheckSkipped ?? false
            ),
            apiKeyIndex: RequestCaller.apiKeyIndex
        )
        return .ok(.init(body: .json(.init(value1: .init(
            success: true, message: "Call triggered successfully",
            output: .init(
                agentName: receipt.agentName, callId: receipt.callID,
                liveCaptionsUrl: "wss://live.vaani.local/captions/\(receipt.callID)"
            )
        )))))
    }

    func getCallHistory(_ input: Operations.GetCallHistory.Input) async throws -> Operations.GetCallHistory.Output {
        let page = input.query.page ?? 1
        let pageSize = input.query.pageSize ?? 50
        var problems: [SimulatorFailure.Problem] = []
        if page < 1 { problems.append(.init(loc: ["query", "page"], msg: "must be at least 1, got \(page)", type: "value_error")) }
        if !(1...200).contains(pageSize) {
            problems.append(.init(loc: ["query", "page_size"], msg: "must be between 1 and 200, got \(pageSize)", type: "value_error"))
        }
        if !problems.isEmpty { throw SimulatorFailure.validation(problems) }
        let (views, total) = core.history(page: page, pageSize: pageSize)
        let records = try views.map { try record(of: $0) }
        return .ok(.init(body: .json(.init(
            data: records,
            pagination: .init(page: page, pageSize: pageSize, total: total, totalPages: (total + pageSize - 1) / pageSize)
        ))))
    }

    func getTranscript(_ input: Operations.GetTranscript.Input) async throws -> Operations.GetTranscript.Output {
        let view = try core.call(input.path.callId)
        let content = core.content(of: view, metadata: try SimulatorCore.metadata(fromJSON: view.call.metadataJSON))
        return .ok(.init(body: .json(.init(
            callId: view.callID,
            transcript: .case2(content?.lines.map(Self.utterance) ?? [])
        ))))
    }

    func getCallDetails(_ input: Operations.GetCallDetails.Input) async throws -> Operations.GetCallDetails.Output {
        .ok(.init(body: .json(try record(of: try core.call(input.path.callId)))))
    }

    func streamAudio(_ input: Operations.StreamAudio.Input) async throws -> Operations.StreamAudio.Output {
        let view = try core.call(input.path.callId)
        guard case .ended(let outcome) = view.phase, outcome.connects else {
            throw SimulatorFailure.notFound("No recording for call \(view.callID): it is \(view.phase.status)")
        }
        let audio = WAVStream(durationMs: Int(view.call.schedule.talkMs), seed: view.call.tag)
        let configuration = core.configuration
        let breaks = configuration.recordingBreakRate > 0
            && core.faultRandom.withLock { $0.nextUnit() } < configuration.recordingBreakRate
        let delivery = RecordingDelivery(
            audio: audio, breakAfter: breaks ? audio.byteCount / 2 : nil,
            bytesPerSecond: configuration.recordingBytesPerSecond, clock: core.clock
        )
        return .ok(.init(body: .audio_Ast_(HTTPBody(delivery, length: .known(Int64(audio.byteCount)), iterationBehavior: .multiple))))
    }

    /// The contract's call record: identity and status always, content once the call has ended.
    func record(of view: CallView) throws -> Components.Schemas.CallRecord {
        let call = view.call
        var record = Components.Schemas.CallRecord(
            callId: view.callID,
            callStatus: view.phase.status,
            durationMs: 0,
            contactNumber: call.contactNumber,
            name: call.name,
            agentId: view.agentID,
            agentName: view.agentName,
            metadata: try Self.jsonObject(call.metadataJSON),
            createdAt: core.clock.timestamp(atNanos: call.createdAtNanos)
        )
        switch view.phase {
        case .queued, .ringing: break
        case .inProgress(let talkedMs): record.durationMs = Int(talkedMs)
        case .ended(let outcome):
            record.endedAt = core.clock.timestamp(
                atNanos: call.createdAtNanos + core.wallNanos(ofNominalMs: call.schedule.totalMs)
            )
            record.durationMs = outcome.connects ? Int(call.schedule.talkMs) : 0
            record.cost = SimulatorCore.cost(of: call.schedule, pricePerMinute: core.configuration.pricePerMinute)
            if let content = core.content(of: view, metadata: record.metadata?.additionalProperties ?? OpenAPIObjectContainer()) {
                record.transcript = Components.Schemas.TranscriptContent.case2(content.lines.map { Self.utterance($0) })
                record.summary = content.summary
                record.callEvalTag = content.evalTag
                record.entity = try OpenAPIValueContainer(unvalidatedValue: content.entity.mapValues { $0 as (any Sendable)? })
            } else {
                record.callEvalTag = outcome.finalStatus
            }
        }
        return record
    }

    static func utterance(_ line: CallContent.Line) -> Components.Schemas.Utterance {
        .init(speaker: line.speaker, role: line.speaker == "agent" ? "assistant" : "user", text: line.text,
              startMs: line.startMs, endMs: line.endMs)
    }

    /// Checks a trigger the way the API does and reports every problem at once.
    static func validate(_ request: Components.Schemas.TriggerCallRequest) throws(SimulatorFailure) {
        var problems: [SimulatorFailure.Problem] = []
        func problem(_ field: String, _ message: String) {
            problems.append(.init(loc: ["body", field], msg: message, type: "value_error"))
        }
        if request.agentId.trimmingCharacters(in: .whitespaces).isEmpty { problem("agent_id", "must not be empty") }
        if request.medium ?? .telephony == .telephony {
            if let number = request.contactNumber {
                if !isE164(number) { problem("contact_number", "'\(number)' is not an E.164 number like +919876543210") }
            } else {
                problem("contact_number", "field required")
            }
            if let name = request.name {
                if name.trimmingCharacters(in: .whitespaces).isEmpty { problem("name", "must not be empty") }
            } else {
                problem("name", "field required")
            }
        }
        if let outbound = request.outboundNumber, !isE164(outbound) {
            problem("outbound_number", "'\(outbound)' is not an E.164 number")
        }
        if let volume = request.bgNoiseVolume, !(0...100).contains(volume) {
            problem("bg_noise_volume", "must be between 0 and 100, got \(volume)")
        }
        if let speed = request.voiceSpeed, !(0.6...1.4).contains(speed) {
            problem("voice_speed", "must be between 0.6 and 1.4, got \(speed)")
        }
        if !problems.isEmpty { throw .validation(problems) }
    }

    static func isE164(_ number: String) -> Bool { SimulatorConfiguration.isE164(number) }

    static func compactJSON(_ object: Components.Schemas.JSONObject?) throws -> String {
        guard let object, !object.additionalProperties.value.isEmpty else { return "{}" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(object), as: UTF8.self)
    }

    static func jsonObject(_ text: String) throws -> Components.Schemas.JSONObject {
        .init(additionalProperties: try SimulatorCore.metadata(fromJSON: text))
    }
}
