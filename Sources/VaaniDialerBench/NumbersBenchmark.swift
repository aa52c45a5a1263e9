#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PhoneNumbers

/// E.164 validations per second on one core over a list of numbers (`vaani-dialer-bench numbers FILE`,
/// used by `scripts/bench-phone.sh`).
enum NumbersBenchmark {
    /// Runs the benchmark over `numbers` for three CPU seconds and returns its report.
    static func run(numbers: [String]) -> String {
        guard !numbers.isEmpty else { return "no numbers to validate" }
        let parser = PhoneNumberParser()
        // Warm up: compiles the territories the numbers touch.
        var valid = numbers.reduce(0) { $0 + (parser.isValidE164($1) ? 1 : 0) }
        let validShare = Double(valid) / Double(numbers.count)
        valid = 0
        var validations = 0
        let startCPU = threadCPUSeconds()
        let startWall = ContinuousClock.now
        repeat {
            for number in numbers where parser.isValidE164(number) { valid += 1 }
            validations += numbers.count
        } while threadCPUSeconds() - startCPU < 3
        let cpu = threadCPUSeconds() - startCPU
        let wall = ContinuousClock.now - startWall
        let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
        return """
            numbers: \(numbers.count) distinct inputs, \(Int((validShare * 100).rounded()))% valid
            validations: \(validations) (\(valid) valid)
            cpu time: \(format(cpu)) s, wall time: \(format(wallSeconds)) s
            validations/s (one core, per CPU second): \(Int(Double(validations) / cpu))
            validations/s (wall clock, shared machine): \(Int(Double(validations) / wallSeconds))
            """
    }

    /// CPU time of the process (the benchmark is single-threaded): unlike wall time, not inflated
    /// by other processes. `clock()` counts in microseconds (POSIX fixes CLOCKS_PER_SEC at 10^6).
    private static func threadCPUSeconds() -> Double {
        Double(clock()) / 1_000_000
    }

    private static func format(_ value: Double) -> String {
        String(Int(value * 100)).paddedFraction
    }
}

extension String {
    /// "123" read as hundredths: "1.23".
    fileprivate var paddedFraction: String {
        let padded = count < 3 ? String(repeating: "0", count: 3 - count) + self : self
        return "\(padded.dropLast(2)).\(padded.suffix(2))"
    }
}
