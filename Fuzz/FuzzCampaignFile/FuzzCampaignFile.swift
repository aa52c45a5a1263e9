import CampaignEngine
import Foundation

/// libFuzzer entry point for campaign files (`campaigns/NAME.json`). The properties checked:
/// - parsing either succeeds or throws a ``CampaignSettingsError`` that names this file and a line
///   and column inside the text;
/// - accepted settings apply to an engine configuration without error;
/// - accepted settings, written back as a campaign file (durations in their `settingText` form), parse
///   to the same settings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCampaignFile(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let source = "campaigns/fuzz.json"
    let overrides: SettingsOverrides
    do {
        overrides = try CampaignFile.parse(data, source: source)
    } catch let error as CampaignSettingsError {
        checkError(error, source: source, data: data)
        return 0
    } catch {
        fail("CampaignFile.parse threw \(type(of: error)), not CampaignSettingsError: \(error)", data)
    }

    var base = EngineConfiguration()
    do {
        base.callingHours = try CallingHours(startMinute: 9 * 60, endMinute: 21 * 60)
        _ = try base.applying(overrides)
    } catch {
        fail("accepted settings do not apply: \(error)", data)
    }

    let written = CampaignFileWriter.json(overrides)
    do {
        let reread = try CampaignFile.parse(written, source: source)
        guard reread == overrides else {
            fail("written back as \(String(decoding: written, as: UTF8.self)) they parse as \(reread), not \(overrides)", data)
        }
    } catch {
        fail("written back as \(String(decoding: written, as: UTF8.self)) they do not parse: \(error)", data)
    }
    return 0
}

private func checkError(_ error: CampaignSettingsError, source: String, data: Data) {
    guard error.file == source, !error.message.isEmpty else { fail("error without file or message: \(error)", data) }
    guard let text = String(data: data, encoding: .utf8) else { return }
    let lines = text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    if let line = error.line, !(1...lines).contains(line) { fail("line \(line) outside 1...\(lines): \(error)", data) }
    if let column = error.column, column < 1 { fail("column \(column) < 1: \(error)", data) }
}

private func fail(_ message: String, _ data: Data) -> Never {
    let shown = String(decoding: data.prefix(400), as: UTF8.self).debugDescription
    fatalError("CampaignFile property failed: \(message)\ninput: \(shown)")
}
