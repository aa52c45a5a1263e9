/// The campaign an event belongs to, as every event's `data.campaign` carries it.
public struct WebhookCampaign: Sendable, Hashable, Codable {
    /// The campaign's row id in its store.
    public var id: Int64
    /// The campaign's name.
    public var name: String

    /// Creates the campaign part of an event.
    /// - Parameters:
    ///   - id: The campaign's row id.
    ///   - name: The campaign's name.
    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}
