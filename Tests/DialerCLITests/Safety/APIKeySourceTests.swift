import CampaignStore
import APIAccess
import ArgumentParser
import Foundation
import Testing

@testable import VaaniDialerCLI

@Suite("API key sources and number masking")
struct APIKeySourceTests {
    static let key = "vaani_0123456789abcdef0123456789abcdef"

    func message(keyFile: String?, _ environment: [String: String]) -> String {
        do {
            _ = try APIKeySource.resolve(keyFile: keyFile, environment: environment)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test("the environment, a file, or --api-key-file; a file others can read gets a warning naming the fix")
    func sources() async throws {
        try await SafetyDirectory.with { directory in
            #expect(try APIKeySource.resolve(keyFile: nil, environment: ["VAANI_API_KEY": " \(Self.key)\n"]).key == Self.key)

            let privateFile = try directory.write("private.key", Self.key + "\n", mode: 0o600)
            let fromFile = try APIKeySource.resolve(keyFile: nil, environment: ["VAANI_API_KEY_FILE": privateFile])
            #expect(fromFile.key == Self.key)
            #expect(fromFile.warning == nil)

            let shared = try directory.write("shared.key", Self.key, mode: 0o640)
            let warned = try APIKeySource.resolve(keyFile: shared, environment: ["VAANI_API_KEY": "vaani_other"])
            #expect(warned.key == Self.key)
            #expect(
                warned.warning
                    == "warning: API key file \(shared) is readable by group/others (mode 640); restrict it with: chmod 600 \(shared)"
            )
        }
    }

    @Test("a missing, empty, oversized or malformed key is a clear error that never shows the key")
    func errors() async throws {
        try await SafetyDirectory.with { directory in
            #expect(
                message(keyFile: nil, [:])
                    == "No API key: set VAANI_API_KEY, or put the key in a file only you can read (chmod 600) and pass "
                    + "--api-key-file PATH or set VAANI_API_KEY_FILE."
            )
            let file = try directory.write("k", Self.key)
            #expect(
                message(keyFile: nil, ["VAANI_API_KEY": Self.key, "VAANI_API_KEY_FILE": file])
                    == "Both VAANI_API_KEY and VAANI_API_KEY_FILE are set; set only one of them (or pass --api-key-file)."
            )
            let missing = directory.path("missing.key")
            #expect(
                message(keyFile: missing, [:])
                    == "--api-key-file \(missing): cannot read the API key file: No such file or directory"
            )
            let empty = try directory.write("empty.key", "\n\n")
            #expect(
                message(keyFile: nil, ["VAANI_API_KEY_FILE": empty])
                    == "VAANI_API_KEY_FILE \(empty): the file is empty; put your Vaani API key (vaani_…) in it"
            )
            let twoWords = try directory.write("two.key", "vaani_abc secret-part\n")
            let twoWordsMessage = message(keyFile: twoWords, [:])
            #expect(
                twoWordsMessage
                    == "--api-key-file \(twoWords): the API key has a space, control or non-ASCII character at position 10; "
                    + "a Vaani key looks like vaani_ followed by 32 hex digits"
            )
            #expect(!twoWordsMessage.contains("secret-part"))
            let injecting = ["VAANI_API_KEY": "vaani_a\r\nX-Injected: 1"]
            let header = message(keyFile: nil, injecting)
            #expect(header.hasPrefix("VAANI_API_KEY: the API key has a space, control or non-ASCII character at position 8"))
            let huge = try directory.write("huge.key", String(repeating: "a", count: 5000))
            #expect(
                message(keyFile: huge, [:])
                    == "--api-key-file \(huge): more than 4096 bytes; an API key file holds one key"
            )
            #expect(
                message(keyFile: directory.url.path, [:])
                    == "--api-key-file \(directory.url.path): not a regular file"
            )
        }
    }

    @Test("masking keeps the country code and the last four digits of every number in a text")
    func masking() {
        let mask = PhoneNumberMask()
        #expect(
            mask.mask("calling +919876543210 then +14155550100; id +123, +44 20, 5 + 7")
                == "calling +91******3210 then +1******0100; id +123, +44 20, 5 + 7"
        )
        #expect(mask.mask("contact.number=+4915123456789") == "contact.number=+49*******6789")
        #expect(mask.mask("no numbers here") == "no numbers here")
    }
}
