/// The contact an event is about, as `data.contact` carries it.
public struct WebhookContact: Sendable, Hashable, Codable {
    /// The contact's row id in the campaign's store.
    public var id: Int64
    /// The line of the imported CSV file where the contact's record starts.
    public var csvRow: Int?
    /// The contact's name.
    public var name: String
    /// The number dialed, in E.164 (`+919876543210`).
    public var number: String
    /// The contact's template variables: every other CSV column, by column name.
    public var variables: [String: String]

    /// Creates the contact part of an event.
    /// - Parameters:
    ///   - id: The contact's row id.
    ///   - csvRow: Its line in the imported CSV file, when known.
    ///   - name: Its name.
    ///   - number: The number in E.164.
    ///   - variables: Its template variables.
    public init(id: Int64, csvRow: Int? = nil, name: String, number: String, variables: [String: String] = [:]) {
        self.id = id
        self.csvRow = csvRow
        self.name = name
        self.number = number
        self.variables = variables
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, number, variables
        case csvRow = "csv_row"
    }
}
