/// What inserting a batch of contacts did.
public struct ContactInsertResult: Sendable, Hashable {
    /// Contacts added to the campaign.
    public var inserted: Int
    /// Contacts skipped because the campaign already had their number.
    public var duplicates: Int
    /// The row numbers of the skipped duplicates, in input order.
    public var duplicateRowNumbers: [Int]

    /// Creates a result.
    public init(inserted: Int, duplicates: Int, duplicateRowNumbers: [Int]) {
        self.inserted = inserted
        self.duplicates = duplicates
        self.duplicateRowNumbers = duplicateRowNumbers
    }
}
