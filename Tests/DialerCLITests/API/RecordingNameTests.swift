import CampaignStore
import Testing

@testable import VaaniDialerCLI

/// The names `recordings` gives files: safe on every file system, the number masked.
@Suite("recording file names")
struct RecordingNameTests {
    @Test("row, masked number with x for hidden digits, call id")
    func plain() {
        let call = CampaignCall(rowNumber: 12, phoneE164: "+919876543210", callID: "c0ffee-42", durationMilliseconds: nil)
        #expect(RecordingName.of(call) == "12-91xxxxxx3210-c0ffee-42.wav")
        let us = CampaignCall(rowNumber: 3, phoneE164: "+14155550100", callID: "a", durationMilliseconds: nil)
        #expect(RecordingName.of(us) == "3-1xxxxxx0100-a.wav")
    }

    @Test("a call id with separators, dots, spaces, Unicode or great length cannot escape the directory")
    func hostileCallIDs() {
        for callID in ["../../etc/passwd", "a/b\\c:d*e?f\"g<h>i|j", "call id ✓", "\u{0}x", String(repeating: "z", count: 500)] {
            let name = RecordingName.of(CampaignCall(rowNumber: 1, phoneE164: "+919876543210", callID: callID, durationMilliseconds: nil))
            #expect(!name.contains("/") && !name.contains("\\") && !name.hasPrefix("."))
            #expect(name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || "0123456789-_.".unicodeScalars.contains($0)) })
            #expect(name.utf8.count <= 255)
        }
        let dotted = RecordingName.of(CampaignCall(rowNumber: 1, phoneE164: "+919876543210", callID: "../x", durationMilliseconds: nil))
        #expect(dotted == "1-91xxxxxx3210-.._x.wav")
    }
}
