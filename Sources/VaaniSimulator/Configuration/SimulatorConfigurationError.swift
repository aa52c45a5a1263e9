/// A configuration value the simulator cannot run with.
public struct SimulatorConfigurationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The option at fault, spelled as on the command line (`speed`, `error-rate`, …).
    public var field: String
    /// What is wrong with it.
    public var problem: String

    /// Creates an error for a field.
    /// - Parameters:
    ///   - field: The option at fault.
    ///   - problem: What is wrong with it.
    public init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }

    /// `invalid --FIELD: PROBLEM`.
    public var description: String { "invalid --\(field): \(problem)" }
}
