import CampaignStore
import Foundation
import JSONFormat
import PhoneNumbers

/// Turns CSV records into contacts to insert, one batch at a time: validates each row, writes
/// invalid ones to the rejects file, skips suppressed numbers, and counts everything.
final class RowProcessor {
    private let reader: CSVReader
    private let mapping: ColumnMapping
    private let parser: PhoneNumberParser
    private let defaultRegion: String?
    private let suppressed: Set<String>
    private let rejects: RejectsFile
    private let batchSize: Int

    /// Rows read, rejected and suppressed so far (imported and duplicates are counted by the store).
    private(set) var counts = ImportCounts()
    /// Rejected rows per short reason.
    private(set) var rejectedByReason: [String: Int] = [:]

    private var record = CSVRecord()
    private var variablesBuffer: [UInt8] = []
    /// Each variable's `"name":` prefix, JSON-encoded once.
    private let variableKeys: [[UInt8]]
    private var timeZoneIsValid: [String: Bool] = [:]

    init(
        reader: CSVReader,
        mapping: ColumnMapping,
        parser: PhoneNumberParser,
        defaultRegion: String?,
        suppressed: Set<String>,
        rejects: RejectsFile,
        batchSize: Int
    ) {
        self.reader = reader
        self.mapping = mapping
        self.parser = parser
        self.defaultRegion = defaultRegion
        self.suppressed = suppressed
        self.rejects = rejects
        self.batchSize = max(1, batchSize)
        variableKeys = mapping.variables.enumerated().map { position, variable in
            var key: [UInt8] = position == 0 ? [] : [UInt8(ascii: ",")]
            JSONString.append(variable.name.utf8, to: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
    }

    /// The next contacts to insert, at most the batch size; empty at the end of the file.
    func nextBatch() throws -> [NewContact] {
        var batch: [NewContact] = []
        batch.reserveCapacity(batchSize)
        while batch.count < batchSize, try reader.next(into: &record) {
            if record.isBlank { continue }
            counts.rows += 1
            if let contact = try contact() { batch.append(contact) }
        }
        return batch
    }

    /// The current record as a contact, or `nil` after rejecting or suppressing it.
    private func contact() throws -> NewContact? {
        if let (column, reason) = record.malformation {
            try reject(column: mapping.columnName(column - 1), reason: reason, label: "malformed quotes")
            return nil
        }
        if record.count != mapping.header.count && !onlyEmptyFieldsPastHeader() {
            try reject(
                column: "",
                reason: "the row has \(record.count) fields but the header has \(mapping.header.count)",
                label: "wrong number of fields"
            )
            return nil
        }
        let phoneBytes = mapping.phone < record.count ? record.bytes(at: mapping.phone) : []
        if phoneBytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
            try reject(column: mapping.columnName(mapping.phone), reason: "no phone number", label: "no phone number")
            return nil
        }
        let number: PhoneNumber
        switch parser.parse(String(decoding: phoneBytes, as: UTF8.self), defaultRegion: defaultRegion) {
        case .success(let parsed):
            number = parsed
        case .failure(let error):
            try reject(column: mapping.columnName(mapping.phone), reason: error.description, label: Self.label(error.reason))
            return nil
        }
        let e164 = number.e164
        if suppressed.contains(e164) {
            counts.suppressed += 1
            return nil
        }
        var timeZone: String?
        if let column = mapping.timeZone {
            let text = record[column].trimmingWhitespace()
            if !text.isEmpty {
                guard isValidTimeZone(text) else {
                    try reject(
                        column: mapping.columnName(column),
                        reason: "unknown time zone \"\(text)\" (use an IANA name such as Asia/Kolkata)",
                        label: "unknown time zone"
                    )
                    return nil
                }
                timeZone = text
            }
        }
        if timeZone == nil {
            let zones = parser.timeZones(for: number)
            if zones.count == 1 { timeZone = zones[0] }
        }
        return NewContact(
            rowNumber: record.line,
            name: name(),
            phoneE164: e164,
            region: number.regionCode,
            timeZone: timeZone,
            variables: variables()
        )
    }

    private func name() -> String {
        switch mapping.name {
        case .column(let index):
            return record[index].trimmingWhitespace()
        case .firstAndLast(let first, let last):
            return (record[first].trimmingWhitespace() + " " + record[last].trimmingWhitespace()).trimmingWhitespace()
        case .none:
            return ""
        }
    }

    /// The variables as JSON, built straight from the record's bytes.
    private func variables() -> ContactVariables {
        variablesBuffer.removeAll(keepingCapacity: true)
        variablesBuffer.append(UInt8(ascii: "{"))
        for (position, variable) in mapping.variables.enumerated() {
            variablesBuffer.append(contentsOf: variableKeys[position])
            let value = variable.index < record.count ? record.bytes(at: variable.index) : []
            JSONString.append(value, to: &variablesBuffer)
        }
        variablesBuffer.append(UInt8(ascii: "}"))
        return ContactVariables(validJSON: String(decoding: variablesBuffer, as: UTF8.self))
    }

    private func onlyEmptyFieldsPastHeader() -> Bool {
        guard record.count > mapping.header.count else { return false }
        return (mapping.header.count..<record.count).allSatisfy { record.bytes(at: $0).isEmpty }
    }

    private func isValidTimeZone(_ identifier: String) -> Bool {
        if let known = timeZoneIsValid[identifier] { return known }
        let valid = TimeZone(identifier: identifier) != nil && identifier.contains("/") || identifier == "UTC"
        if timeZoneIsValid.count < 10_000 { timeZoneIsValid[identifier] = valid }
        return valid
    }

    private func reject(column: String, reason: String, label: String) throws {
        counts.rejected += 1
        rejectedByReason[label, default: 0] += 1
        try rejects.add(line: record.line, column: column, reason: reason, original: record.rawText)
    }

    /// A phone error's reason in words: `tooShort` becomes `too short`.
    static func label(_ reason: PhoneNumberError.Reason) -> String {
        var words = ""
        for character in reason.rawValue {
            if character.isUppercase { words += " " + character.lowercased() } else { words.append(character) }
        }
        return words
    }
}
