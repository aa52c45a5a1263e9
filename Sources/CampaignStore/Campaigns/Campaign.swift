public import Foundation

/// A campaign: one contact list, one Vaani agent, one set of dialing settings. A row of `campaigns`.
public struct Campaign: Sendable, Hashable, Identifiable {
    /// The row id.
    public var id: Int64
    /// The unique name users type (`vaani-dialer run NAME`).
    public var name: String
    /// The Vaani agent (id or name) that places every call.
    public var agentID: String
    /// How the campaign dials.
    public var settings: CampaignSettings
    /// Where the campaign is in its life.
    public var status: CampaignStatus
    /// Why the campaign is paused, when it is (for example `insufficient balance`).
    public var pauseReason: String?
    /// The process that holds the single-runner lease, if any.
    public var lease: CampaignLease?
    /// When the campaign was created.
    public var createdAt: Date
    /// When the campaign row last changed.
    public var updatedAt: Date

    /// Creates a value with every field.
    public init(
        id: Int64,
        name: String,
        agentID: String,
        settings: CampaignSettings,
        status: CampaignStatus,
        pauseReason: String? = nil,
        lease: CampaignLease? = nil,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.agentID = agentID
        self.settings = settings
        self.status = status
        self.pauseReason = pauseReason
        self.lease = lease
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The single-runner lock of a campaign: which runner holds it, and until when.
public struct CampaignLease: Sendable, Hashable {
    /// The holding runner's id, unique among every runner of every process.
    public var ownerID: String
    /// The holder's process id.
    public var pid: Int32
    /// The holder's host name.
    public var host: String
    /// When the lease lapses unless renewed.
    public var expiresAt: Date

    /// Creates a lease value.
    public init(ownerID: String, pid: Int32, host: String, expiresAt: Date) {
        self.ownerID = ownerID
        self.pid = pid
        self.host = host
        self.expiresAt = expiresAt
    }
}
