/// Which CSV columns hold the phone number, the name and the time zone, and which are template
/// variables: found from the header, or named by the user.
public struct ColumnMapping: Sendable, Hashable {
    /// How the contact's name is made.
    public enum NameSource: Sendable, Hashable {
        /// One column holds the whole name.
        case column(Int)
        /// First and last name columns, joined with a space.
        case firstAndLast(first: Int, last: Int)
        /// No name column: contacts have an empty name.
        case none
    }

    /// The header as read (trimmed).
    public let header: [String]
    /// The phone number column.
    public let phone: Int
    /// Where the name comes from.
    public let name: NameSource
    /// The time zone column, if any (it stays a variable too).
    public let timeZone: Int?
    /// Every other column: its variable name (unique; empty or repeated header names made unique)
    /// and its index.
    public let variables: [(name: String, index: Int)]

    /// Header names (normalized: lowercase, no spaces, `_`, `-` or `.`) that mean a phone number,
    /// best first.
    static let phoneNames = [
        "phone", "phonenumber", "mobile", "mobilenumber", "number", "contactnumber", "msisdn", "phoneno", "mobileno",
        "cell", "cellphone", "telephone",
    ]
    /// Header names that mean a whole name, best first.
    static let nameNames = ["name", "fullname", "contactname", "customername"]
    /// Header names that mean a first name.
    static let firstNames = ["firstname", "first", "givenname"]
    /// Header names that mean a last name.
    static let lastNames = ["lastname", "last", "surname", "familyname"]
    /// Header names that mean an IANA time zone.
    static let timeZoneNames = ["timezone", "tz"]

    /// Maps `header`, honouring `phoneColumn` and `nameColumn` when given.
    ///
    /// - Throws: ``ContactImportError`` when no phone column is found or an override names no column.
    init(header rawHeader: [String], phoneColumn: String?, nameColumn: String?, path: String) throws {
        let header = rawHeader.map { $0.trimmingWhitespace() }
        self.header = header
        let normalized = header.map(Self.normalize)

        func find(_ candidates: [String]) -> Int? {
            for candidate in candidates {
                if let index = normalized.firstIndex(of: candidate) { return index }
            }
            return nil
        }
        func named(_ column: String, option: String) throws -> Int {
            let wanted = column.trimmingWhitespace()
            if let exact = header.firstIndex(of: wanted) { return exact }
            if let loose = normalized.firstIndex(of: Self.normalize(wanted)) { return loose }
            throw ContactImportError.columnNotFound(path: path, option: option, column: column, header: header)
        }

        if let phoneColumn {
            phone = try named(phoneColumn, option: "--phone-column")
        } else if let found = find(Self.phoneNames) {
            phone = found
        } else {
            throw ContactImportError.noPhoneColumn(path: path, header: header)
        }

        if let nameColumn {
            name = .column(try named(nameColumn, option: "--name-column"))
        } else if let found = find(Self.nameNames), found != phone {
            name = .column(found)
        } else if let first = find(Self.firstNames), let last = find(Self.lastNames) {
            name = .firstAndLast(first: first, last: last)
        } else if let first = find(Self.firstNames) {
            name = .column(first)
        } else {
            name = .none
        }
        timeZone = find(Self.timeZoneNames)

        var taken: Set<Int> = [phone]
        switch name {
        case .column(let index): taken.insert(index)
        case .firstAndLast(let first, let last): taken.formUnion([first, last])
        case .none: break
        }
        var used = Set<String>()
        var variables: [(name: String, index: Int)] = []
        for (index, column) in header.enumerated() where !taken.contains(index) {
            var variable = column.isEmpty ? "column_\(index + 1)" : column
            if used.contains(variable) {
                var suffix = 2
                while used.contains("\(variable)_\(suffix)") { suffix += 1 }
                variable = "\(variable)_\(suffix)"
            }
            used.insert(variable)
            variables.append((variable, index))
        }
        self.variables = variables
    }

    /// The header name of column `index` (0-based), or `column N` when it has none.
    public func columnName(_ index: Int) -> String {
        index < header.count && !header[index].isEmpty ? header[index] : "column \(index + 1)"
    }

    /// The name of the column(s) the contact's name comes from, for messages.
    public var nameDescription: String {
        switch name {
        case .column(let index): "\"\(columnName(index))\""
        case .firstAndLast(let first, let last): "\"\(columnName(first))\" + \"\(columnName(last))\""
        case .none: "(none)"
        }
    }

    static func normalize(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !" _-.\t".unicodeScalars.contains($0) })
    }

    /// Compares mappings by their columns.
    public static func == (lhs: ColumnMapping, rhs: ColumnMapping) -> Bool {
        lhs.header == rhs.header && lhs.phone == rhs.phone && lhs.name == rhs.name && lhs.timeZone == rhs.timeZone
            && lhs.variables.map(\.name) == rhs.variables.map(\.name)
            && lhs.variables.map(\.index) == rhs.variables.map(\.index)
    }

    /// Hashes the columns.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(header)
        hasher.combine(phone)
        hasher.combine(name)
        hasher.combine(timeZone)
        hasher.combine(variables.map(\.index))
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        // Fast path for the usual field: it starts and ends with a visible ASCII character.
        let bytes = utf8
        if let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
