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
}
