import ArgumentParser

/// `vaani-dialer run NAME`: dials every contact of a campaign and follows every call to its end.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Dial every contact of a campaign, paced and within calling hours, until every contact is final.",
        discussion: """
            The API key comes from --api-key-file, VAANI_API_KEY or VAANI_API_KEY_FILE; it is never logged. \
            Logs go to standard error with phone numbers masked (+91******3210) unless --log-full-numbers. \
            Options given here are saved on the campaign, so a later `resume` keeps them. Exit codes: 0 done \
            (or idle with --until-idle), 1 the database failed (full, read-only, locked; the reason on standard \
            error), 3 paused for insufficient balance, 4 API key refused, 5 another process runs the campaign, \
            6 paused or cancelled from another terminal, 64 bad arguments or settings, 130 interrupted.
            """
    )

    @Argument(help: "The campaign's name.")
    var name: String

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: RunOptions
    @OptionGroup(title: "Metrics") var metrics: MetricsOptions

    func run() async throws {
        try await CampaignRun(name: name, database: database, options: options, metrics: metrics).execute()
    }
}

/// `vaani-dialer resume NAME`: the same as `run`, always safe to repeat.
struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue a campaign after a pause, a stop or a crash (the same as run; always safe to repeat)."
    )

    @Argument(help: "The campaign's name.")
    var name: String

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: RunOptions
    @OptionGroup(title: "Metrics") var metrics: MetricsOptions

    func run() async throws {
        try await CampaignRun(name: name, database: database, options: options, metrics: metrics).execute()
    }
}
