/// Who asks for a campaign's lease: one runner, in one process on one host.
public struct LeaseOwner: Sendable, Hashable, CustomStringConvertible {
    /// The runner's id, unique among every runner of every process (two runners in one process have
    /// two ids).
    public var id: String
    /// The runner's process id.
    public var pid: Int32
    /// The runner's host name.
    public var host: String

    /// Creates an owner.
    public init(id: String, pid: Int32, host: String) {
        self.id = id
        self.pid = pid
        self.host = host
    }

    /// `process 123 on host`.
    public var description: String { "process \(pid) on \(host)" }
}
