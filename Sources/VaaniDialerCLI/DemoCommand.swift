import ArgumentParser

/// `vaani-dialer demo`: the whole product in one command against the embedded simulator.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Import the demo contacts and run them against a local simulator."
    )

    func run() async throws {
        print("vaani-dialer demo: not built yet")
    }
}
