import CSVFormat
import CampaignStore
import GRDB

extension CampaignReporter {
    /// The fixed columns of the CSV report, before the contacts' own variables.
    public static let csvColumns = [
        "row", "name", "contact_number", "status", "attempts", "call_id", "call_status", "duration_s",
        "disposition", "summary", "error",
    ]

    /// Writes the CSV report of a campaign: a header, then one row per contact in import order with
    /// its current or final state and its latest attempt, followed by the contact's variables (the
    /// union of every contact's variable names, in first-seen order; empty where a contact lacks one).
    ///
    /// Cells a spreadsheet would run as formulas get a leading `'`; E.164 numbers stay as they are.
    ///
    /// - Parameters:
    ///   - campaign: The campaign's name.
    ///   - destination: A file (created with owner-only permissions) or standard output.
    /// - Returns: What was written.
    /// - Throws: ``CampaignReportError`` for an unknown campaign or a file that cannot be written, or a
    ///   GRDB `DatabaseError`.
    @discardableResult
    public func exportCSV(campaign name: String, to destination: ExportDestination) throws -> ExportSummary {
        try write(to: destination) { writer in
            try database.writer.read { db in
                let campaign = try campaign(named: name, in: db)
                let variableNames = try Self.variableNames(campaign: campaign.id, in: db)
                try writeCSVHeader(variableNames: variableNames, to: writer)
                let rows = try writeCSVRows(campaign: campaign.id, variableNames: variableNames, in: db, to: writer)
                return ExportSummary(format: .csv, contacts: rows, rows: rows, bytes: writer.bytesWritten)
            }
        }
    }

    /// Every variable name of a campaign's contacts, in the order first seen in import order.
    static func variableNames(campaign: Int64, in db: Database) throws -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        var previous = ""
        // `+campaign_id` keeps SQLite on the rowid order instead of an index plus a sort.
        let cursor = try String.fetchCursor(
            db,
            sql: "SELECT variables FROM contacts WHERE +campaign_id = ? ORDER BY id",
            arguments: [campaign]
        )
        while let json = try cursor.next() {
            // Contacts of one file share their names; skip the parse when the text repeats exactly.
            if json == previous { continue }
            previous = json
            for pair in ContactVariables(validJSON: json).pairs where seen.insert(pair.name).inserted {
                names.append(pair.name)
            }
        }
        return names
    }

    private func writeCSVHeader(variableNames: [String], to writer: BufferedFileWriter) throws {
        let fixed = Set(Self.csvColumns)
        try writer.append { buffer in
            for (index, column) in Self.csvColumns.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                CSVField.append(column, to: &buffer)
            }
            for name in variableNames {
                buffer.append(UInt8(ascii: ","))
                // A variable that shares a fixed column's name keeps its data under a distinct header.
                CSVField.append(fixed.contains(name) ? "variable_" + name : name, to: &buffer)
            }
            buffer.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
        }
    }

    private func writeCSVRows(
        campaign: Int64,
        variableNames: [String],
        in db: Database,
        to writer: BufferedFileWriter
    ) throws -> Int {
        var columnOfName: [String: Int] = [:]
        for (index, name) in variableNames.enumerated() { columnOfName[name] = index }
        var values = [String](repeating: "", count: variableNames.count)
        var previousVariables = ""
        var count = 0
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.id, c."row_number", c.name, c.phone_e164, c.status, c.attempts,
                       a.call_id, a.call_status, a.duration_ms, a.disposition, a.summary,
                       COALESCE(c.last_error, a.error), c.variables
                FROM contacts c
                LEFT JOIN attempts a ON a.contact_id = c.id
                    AND a.number = (SELECT MAX(number) FROM attempts WHERE contact_id = c.id)
                WHERE +c.campaign_id = ?
                ORDER BY c.id
                """,
            arguments: [campaign]
        )
        while let row = try cursor.next() {
            let contactID: Int64 = row[0]
            let statusText: String = row[4]
            guard let status = ReportedStatus(storedText: statusText) else {
                throw CampaignReportError.invalidStoredValue(
                    table: "contacts", column: "status", rowID: contactID, value: statusText)
            }
            let variables: String = row[12]
            if variables != previousVariables {
                previousVariables = variables
                for index in values.indices { values[index] = "" }
                for pair in ContactVariables(validJSON: variables).pairs {
                    if let column = columnOfName[pair.name] { values[column] = pair.value }
                }
            }
            let rowNumber: Int64 = row[1]
            let name: String = row[2]
            let phone: String = row[3]
            let attempts: Int64 = row[5]
            let callID: String? = row[6]
            let callStatus: String? = row[7]
            let durationMilliseconds: Int64? = row[8]
            let disposition: String? = row[9]
            let summary: String? = row[10]
            let error: String? = row[11]
            try writer.append { buffer in
                buffer.append(contentsOf: String(rowNumber).utf8)
                buffer.append(UInt8(ascii: ","))
                CSVField.append(name, to: &buffer)
                buffer.append(UInt8(ascii: ","))
                CSVField.append(phone, to: &buffer)
                buffer.append(UInt8(ascii: ","))
                buffer.append(contentsOf: status.rawValue.utf8)
                buffer.append(UInt8(ascii: ","))
                buffer.append(contentsOf: String(attempts).utf8)
                for text in [callID, callStatus] {
                    buffer.append(UInt8(ascii: ","))
                    if let text { CSVField.append(text, to: &buffer) }
                }
                buffer.append(UInt8(ascii: ","))
                if let durationMilliseconds {
                    buffer.append(contentsOf: Self.seconds(milliseconds: durationMilliseconds).utf8)
                }
                for text in [disposition, summary, error] {
                    buffer.append(UInt8(ascii: ","))
                    if let text { CSVField.append(text, to: &buffer) }
                }
                for value in values {
                    buffer.append(UInt8(ascii: ","))
                    CSVField.append(value, to: &buffer)
                }
                buffer.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
            }
            count += 1
        }
        return count
    }

    /// Milliseconds as seconds with up to three decimals: `83412` → `83.412`, `90000` → `90`.
    static func seconds(milliseconds: Int64) -> String {
        let whole = milliseconds / 1000
        var fraction = milliseconds % 1000
        guard fraction != 0 else { return String(whole) }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }
}
