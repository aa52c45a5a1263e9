public import CampaignStore
public import Foundation

/// One line of `vaani-dialer list`: a campaign, its state and its progress.
public struct CampaignListEntry: Sendable, Hashable, Codable {
    /// The campaign's name.
    public var name: String
    /// The Vaani agent that places its calls.
    public var agentID: String
    /// The campaign's state.
    public var state: CampaignStatus
    /// Why it is paused, when it is.
    public var pauseReason: String?
    /// All its contacts.
    public var contacts: Int
    /// Contacts that will not be dialed again.
    public var finishedContacts: Int
    /// When it was created.
    public var createdAt: Date
    /// When its row last changed.
    public var updatedAt: Date

    /// Finished over all contacts, from 0 to 1; 0 for a campaign without contacts.
    public var progress: Double {
        contacts == 0 ? 0 : Double(finishedContacts) / Double(contacts)
    }

    /// Creates an entry.
    public init(
        name: String,
        agentID: String,
        state: CampaignStatus,
        pauseReason: String?,
        contacts: Int,
        finishedContacts: Int,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.name = name
        self.agentID = agentID
        self.state = state
        self.pauseReason = pauseReason
        self.contacts = contacts
        self.finishedContacts = finishedContacts
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case name
        case agentID = "agent_id"
        case state
        case pauseReason = "pause_reason"
        case contacts
        case finishedContacts = "finished_contacts"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

extension CampaignListEntry {
    /// Entries as an aligned table with a header, for a terminal; a note when there are none.
    public static func renderedTable(_ entries: [CampaignListEntry]) -> String {
        guard !entries.isEmpty else {
            return "No campaigns yet. Create one with `vaani-dialer import FILE.csv --campaign NAME --agent AGENT_ID`."
        }
        let header = ["NAME", "STATUS", "CONTACTS", "FINISHED", "PROGRESS", "UPDATED"]
        let rows = entries.map { entry -> [String] in
            var state = entry.state.rawValue
            if let reason = entry.pauseReason, entry.state == .paused { state += " (\(reason))" }
            return [
                entry.name, state, String(entry.contacts), String(entry.finishedContacts),
                String(format: "%.1f%%", entry.progress * 100),
                Timestamp.iso8601(epochMilliseconds: entry.updatedAt.epochMilliseconds),
            ]
        }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        let numeric: Set<Int> = [2, 3, 4]
        return ([header] + rows).map { row in
            row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return numeric.contains(index) ? padding + cell : cell + padding
            }
            .joined(separator: "  ")
            .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        .joined(separator: "\n")
    }
}
