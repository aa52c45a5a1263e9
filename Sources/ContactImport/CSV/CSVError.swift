/// Why a CSV file cannot be read on, and where: the physical line, the field (1-based), and the
/// byte offset from the start of the file.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case cannotRead = "cannot read file"
            case empty = "empty file"
            case notUTF8 = "not UTF-8"
            case binary = "binary data"
            case unterminatedQuote = "unterminated quote"
            case fieldTooLarge = "field too large"
            case recordTooLarge = "record too large"
            case tooManyColumns = "too many columns"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The file could not be opened or read.
        public static let cannotRead = Code(.cannotRead)
        /// The file holds no record at all (not even a header).
        public static let empty = Code(.empty)
        /// The bytes are not UTF-8 (for example UTF-16, or Latin-1 text).
        public static let notUTF8 = Code(.notUTF8)
        /// A NUL byte: a binary file, or UTF-16 without a byte order mark.
        public static let binary = Code(.binary)
        /// A quoted field is still open at the end of the file.
        public static let unterminatedQuote = Code(.unterminatedQuote)
        /// A field is longer than ``CSVLimits/maxFieldBytes``.
        public static let fieldTooLarge = Code(.fieldTooLarge)
        /// A record is longer than ``CSVLimits/maxRecordBytes``.
        public static let recordTooLarge = Code(.recordTooLarge)
        /// A record has more fields than ``CSVLimits/maxColumns``.
        public static let tooManyColumns = Code(.tooManyColumns)

        /// A short English label.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// The file, as given to the reader.
    public let path: String
    /// The physical line (1-based) where the problem is, when there is one.
    public let line: Int?
    /// The field (1-based) where the problem is, when there is one.
    public let column: Int?
    /// The byte offset from the start of the file.
    public let byteOffset: Int?
    /// What the user should know, in words.
    public let reason: String

    /// `path:line:column: reason (byte offset N)`, as compilers print positions.
    public var description: String {
        var position = path
        if let line { position += ":\(line)" }
        if let column { position += ":\(column)" }
        var text = "\(position): \(reason)"
        if let byteOffset { text += " (byte offset \(byteOffset))" }
        return text
    }

    init(_ code: Code, path: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil, reason: String) {
        self.code = code
        self.path = path
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.reason = reason
    }
}
