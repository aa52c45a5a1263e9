import Foundation
import VaaniOpenAPI

/// libFuzzer entry point: every API response body the client decodes must either decode or throw.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAPIResponses(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let decoder = JSONDecoder()
    _ = try? decoder.decode(Components.Schemas.TriggerCallResponse.self, from: data)
    _ = try? decoder.decode(Components.Schemas.CallHistoryPage.self, from: data)
    _ = try? decoder.decode(Components.Schemas.CallRecord.self, from: data)
    _ = try? decoder.decode(Components.Schemas.TranscriptResponse.self, from: data)
    _ = try? decoder.decode(Components.Schemas.AgentList.self, from: data)
    _ = try? decoder.decode(Components.Schemas.SessionStatus.self, from: data)
    _ = try? decoder.decode(Components.Schemas.SessionEvent.self, from: data)
    if let body = try? decoder.decode(Components.Schemas.ErrorBody.self, from: data) { _ = body.humanMessage }
    return 0
}
