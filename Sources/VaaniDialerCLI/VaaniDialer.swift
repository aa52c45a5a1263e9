import ArgumentParser

/// The `vaani-dialer` command: import contact lists, run campaigns against the Vaani API, and report.
@main
struct VaaniDialer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaani-dialer",
        abstract: "Campaign dialer for the Vaani voice-AI API.",
        subcommands: [
            DemoCommand.self, ImportCommand.self, NumbersCommand.self, SimulatorCommand.self,
            ListCommand.self, StatusCommand.self, ExportCommand.self,
            RunCommand.self, ResumeCommand.self, StartCommand.self, PlanCommand.self, PauseCommand.self, CancelCommand.self,
            ServeCommand.self,
            AgentsCommand.self, CallCommand.self, CallsCommand.self, RecordingsCommand.self, RecordingCommand.self,
            HealthCommand.self,
        ]
    )
}
