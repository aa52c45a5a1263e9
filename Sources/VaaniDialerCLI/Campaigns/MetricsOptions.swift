import ArgumentParser

/// `--metrics-listen ADDR` of `run` and `resume`: Prometheus metrics of the run on their own port,
/// behind the same access token as `serve` (the token file beside the database).
struct MetricsOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Serve /metrics (Prometheus text format, Authorization: Bearer TOKEN) on this address while the run lasts.",
            valueName: "host:port"))
    var metricsListen: ListenAddress?

    @Option(
        name: .customLong("metrics-token-file"),
        help: ArgumentHelp("The access token file for /metrics (default: the database's path plus .token).", valueName: "path"))
    var tokenFile: String?
}
