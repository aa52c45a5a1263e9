import Foundation
import Testing
import VaaniAPI

@Suite("Configuration")
struct ConfigurationTests {
    private let key = "vaani_0123456789abcdef0123456789abcdef"

    @Test("Defaults follow the API contract")
    func defaults() {
        let configuration = VaaniConfiguration(apiKey: key)
        #expect(configuration.baseURL.absoluteString == "https://api.vaanivoice.ai")
        #expect(configuration.timeout == .seconds(120))
        #expect(configuration.maxConnections > 8)
    }

    @Test("The API key never appears in descriptions or dumps")
    func keyIsRedacted() {
        let configuration = VaaniConfiguration(apiKey: key)
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [configuration.description, configuration.debugDescription, "\(configuration)", dumped,
            String(reflecting: configuration), "\([configuration])"]
        {
            #expect(!text.contains(key))
            #expect(!text.contains("0123456789abcdef0123456789ab"))
        }
        #expect(configuration.description.contains("vaani_…cdef"))
    }

    @Test("fromEnvironment reads the key and base URL")
    func environment() throws {
        let configuration = try VaaniConfiguration.fromEnvironment([
            "VAANI_API_KEY": key, "VAANI_BASE_URL": "http://127.0.0.1:8001",
        ])
        #expect(configuration.apiKey == key)
        #expect(configuration.baseURL.absoluteString == "http://127.0.0.1:8001")
        #expect(try VaaniConfiguration.fromEnvironment(["VAANI_API_KEY": key]).baseURL == VaaniConfiguration.productionBaseURL)
    }

    @Test("fromEnvironment explains a missing key and a bad URL")
    func environmentErrors() {
        #expect {
            try VaaniConfiguration.fromEnvironment([:])
        } throws: { error in
            (error as? VaaniError)?.message.contains("VAANI_API_KEY") == true
        }
        #expect {
            try VaaniConfiguration.fromEnvironment(["VAANI_API_KEY": key, "VAANI_BASE_URL": "ftp:/nowhere"])
        } throws: { error in
            guard let error = error as? VaaniError else { return false }
            return error.message.contains("VAANI_BASE_URL") && !error.description.contains(key)
        }
    }

    @Test("fromEnvironment reads the key from VAANI_API_KEY_FILE and names the file when it cannot")
    func keyFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("key-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws -> String {
            let path = directory.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        func message(_ environment: [String: String]) -> String {
            do {
                _ = try VaaniConfiguration.fromEnvironment(environment)
                return "no error"
            } catch {
                return error.message
            }
        }
        let good = try write("good", key + "\n")
        #expect(try VaaniConfiguration.fromEnvironment(["VAANI_API_KEY_FILE": good]).apiKey == key)
        #expect(try VaaniConfiguration.fromEnvironment(["VAANI_API_KEY": "vaani_env", "VAANI_API_KEY_FILE": good]).apiKey == "vaani_env")
        let missing = directory.appendingPathComponent("missing").path
        #expect(message(["VAANI_API_KEY_FILE": missing]) == "VAANI_API_KEY_FILE \(missing): cannot read the API key file: No such file or directory")
        let empty = try write("empty", "\n")
        #expect(message(["VAANI_API_KEY_FILE": empty]) == "VAANI_API_KEY_FILE \(empty): the file is empty; put your Vaani API key (vaani_…) in it")
        let twoLines = try write("two", key + "\nsecond-line-secret\n")
        let twoLinesMessage = message(["VAANI_API_KEY_FILE": twoLines])
        #expect(twoLinesMessage == "VAANI_API_KEY_FILE \(twoLines): the key has a space, control or non-ASCII character; the file must hold only the key")
        #expect(!twoLinesMessage.contains("second-line-secret"))
        let huge = try write("huge", String(repeating: "k", count: 5000))
        #expect(message(["VAANI_API_KEY_FILE": huge]) == "VAANI_API_KEY_FILE \(huge): more than 4096 bytes; an API key file holds one key")
    }
}
