extension SimulatorConfiguration {
    /// Checks every value and names the first one that makes no sense.
    /// - Throws: ``SimulatorConfigurationError`` naming the field and the bad value.
    public func validate() throws(SimulatorConfigurationError) {
        if host.isEmpty { throw .init(field: "host", problem: "must not be empty") }
        if !(0...65_535).contains(port) { throw .init(field: "port", problem: "\(port) is not in 0...65535") }
        for key in apiKeys where key.isEmpty || key.contains(where: \.isWhitespace) {
            throw .init(field: "api-key", problem: "\"\(key)\" is empty or contains whitespace")
        }
        if !(speed.isFinite && speed > 0) { throw .init(field: "speed", problem: "\(speed) must be a positive number") }
        if !(rateLimit.isFinite && rateLimit >= 0) {
            throw .init(field: "rate-limit", problem: "\(rateLimit) must be 0 (unlimited) or positive")
        }
        if burst < 0 { throw .init(field: "burst", problem: "\(burst) must not be negative") }
        if !(balance.isFinite && balance >= 0) { throw .init(field: "balance", problem: "\(balance) must not be negative") }
        if !(pricePerMinute.isFinite && pricePerMinute >= 0) {
            throw .init(field: "price-per-minute", problem: "\(pricePerMinute) must not be negative")
        }
        let weights: [(String, Double)] = [
            ("answer-rate", answerRate), ("no-answer-rate", noAnswerRate), ("busy-rate", busyRate),
            ("fail-rate", failRate), ("voicemail-rate", voicemailRate),
        ]
        for (name, weight) in weights where !(weight.isFinite && weight >= 0) {
            throw .init(field: name, problem: "\(weight) must be a non-negative number")
        }
        if weights.map(\.1).reduce(0, +) <= 0 {
            throw .init(field: "answer-rate", problem: "the outcome rates must not all be zero")
        }
        let faults: [(String, Double)] = [
            ("error-rate", errorRate), ("ambiguous-rate", ambiguousRate), ("hang-rate", hangRate),
            ("drop-rate", dropRate), ("garbage-rate", garbageRate),
        ]
        for (name, rate) in faults where !(rate.isFinite && (0...1).contains(rate)) {
            throw .init(field: name, problem: "\(rate) must be a probability between 0 and 1")
        }
        if faults.map(\.1).reduce(0, +) > 1 {
            throw .init(field: "error-rate", problem: "the fault rates add up to more than 1")
        }
        if !(recordingBreakRate.isFinite && (0...1).contains(recordingBreakRate)) {
            throw .init(field: "recording-break-rate", problem: "\(recordingBreakRate) must be a probability between 0 and 1")
        }
        if recordingBytesPerSecond < 0 {
            throw .init(field: "recording-bytes-per-second", problem: "\(recordingBytesPerSecond) must not be negative")
        }
        if latency < .zero { throw .init(field: "latency", problem: "must not be negative") }
        if hangDuration < .zero { throw .init(field: "hang-duration", problem: "must not be negative") }
    }
}
