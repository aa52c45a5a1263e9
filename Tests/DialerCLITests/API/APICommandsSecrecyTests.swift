import CampaignStore
import Foundation
import SimulatorHarness
import Testing
import VaaniSimulator

/// The API commands never show the API key, whatever they print, even at trace level and on errors.
@Suite("API commands keep the key secret")
struct APICommandsSecrecyTests {
    static let key = "vaani_5ec7e75ec7e75ec7e75ec7e75ec7e7aa"

    @Test("agents, call, calls, recording, health at trace level: the key appears in no output")
    func noCommandPrintsTheKey() async throws {
        let configuration = SimulatorConfiguration(apiKeys: [Self.key], speed: 600)
        try await APIBench.with(configuration) { bench in
            try bench.directory.write("persona.json", #"{"voice": "arjun"}"#)
            let trace = ["--log-level", "trace"]
            var outputs: [String] = []
            let commands: [[String]] = [
                ["health"], ["agents", "list"], ["agents", "show", "demo-agent"],
                ["agents", "update", "demo-agent", "--section", "persona", "persona.json"],
                ["agents", "show", "nobody"],
                ["call", "+919876543210", "--agent", "demo-agent", "--poll-interval", "20ms"],
                ["calls", "list", "--all", "--json"], ["calls", "show", "nope"],
                ["recording", "nope", "--output", "x.wav"],
            ]
            for arguments in commands {
                let result = try await bench.dialer(arguments + trace)
                outputs.append(result.allOutput)
            }
            #expect(outputs.count == commands.count)
            for (arguments, output) in zip(commands, outputs) {
                #expect(!output.contains(Self.key), "vaani-dialer \(arguments.joined(separator: " ")) printed the key")
                #expect(!output.contains(String(Self.key.dropFirst(6))))
            }
            for file in try bench.directory.allFiles() {
                #expect(!String(decoding: file.bytes, as: UTF8.self).contains(Self.key), "\(file.path) holds the key")
            }
        }
    }
}
