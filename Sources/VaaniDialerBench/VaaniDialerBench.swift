import ArgumentParser

/// The `vaani-dialer-bench` command: the measurements behind `scripts/bench-dispatch.sh` and
/// `scripts/bench-phone.sh`, shipped apart from `vaani-dialer` as Hummingbird ships its performance
/// tests. It reaches the API under the same key and base-URL rules as `vaani-dialer` (`APIAccess`).
@main
struct VaaniDialerBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaani-dialer-bench",
        abstract: "Benchmarks of the Vaani dialer: a client's trigger rate and phone-number validations.",
        subcommands: [TriggerBenchmarkCommand.self, NumbersBenchmarkCommand.self]
    )
}
