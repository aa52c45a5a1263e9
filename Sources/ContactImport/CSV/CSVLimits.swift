/// Bounds that keep a hostile or broken CSV file from exhausting memory: each one, when exceeded,
/// stops the read with a ``CSVError`` that names it.
public struct CSVLimits: Sendable, Hashable {
    /// The longest field, in bytes after unquoting (default 1 MiB).
    public var maxFieldBytes: Int
    /// The most fields in one record (default 1,000).
    public var maxColumns: Int
    /// The longest record, in bytes as written in the file (default 4 MiB).
    public var maxRecordBytes: Int

    /// Creates limits; every parameter has the product's default.
    public init(maxFieldBytes: Int = 1 << 20, maxColumns: Int = 1000, maxRecordBytes: Int = 4 << 20) {
        self.maxFieldBytes = maxFieldBytes
        self.maxColumns = maxColumns
        self.maxRecordBytes = maxRecordBytes
    }
}
