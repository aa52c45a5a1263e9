import CSVFormat
import CampaignStore

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
    ///   store error.
    @discardableResult
    public func exportCSV(campaign name: String, to destination: ExportDestination) async throws -> ExportSummary {
        try await write(to: destination) { writer in
            try await store.withReportSnapshot { snapshot in
                let campaign = try await campaign(named: name, in: snapshot)
                let variableNames = try await Self.variableNames(campaign: campaign.id, in: snapshot)
                try writeCSVHeader(variableNames: variableNames, to: writer)
                let rows = try await writeCSVRows(
                    campaign: campaign.id, variableNames: variableNames, in: snapshot, to: writer)
                return ExportSummary(format: .csv, contacts: rows, rows: rows, bytes: writer.bytesWritten)
            }
        }
    }

    /// Every variable name of a campaign's contacts, in the order first seen in import order.
    static func variableNames(campaign: Int64, in snapshot: any ReportSnapshot) async throws -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        var previous = ""
        try await snapshot.forEachContactVariables(ofCampaign: campaign) { json in
            // Contacts of one file share their names; skip the parse when the text repeats exactly.
            if json == previous { return }
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
        in snapshot: any ReportSnapshot,
        to writer: BufferedFileWriter
    ) async throws -> Int {
        var columnOfName: [String: Int] = [:]
        for (index, name) in variableNames.enumerated() { columnOfName[name] = index }
        var values = [String](repeating: "", count: variableNames.count)
        var previousVariables = ""
        var count = 0
        try await snapshot.forEachContact(ofCampaign: campaign, limit: nil) { row in
            guard let status = ReportedStatus(storedText: row.statusText) else {
                throw CampaignReportError.invalidStoredValue(
                    table: "contacts", column: "status", rowID: row.contactID, value: row.statusText)
            }
            if row.variablesJSON != previousVariables {
                previousVariables = row.variablesJSON
                for index in values.indices { values[index] = "" }
                for pair in ContactVariables(validJSON: row.variablesJSON).pairs {
                    if let column = columnOfName[pair.name] { values[column] = pair.value }
                }
            }
            try writer.append { buffer in
                buffer.append(contentsOf: String(row.rowNumber).utf8)
                buffer.append(UInt8(ascii: ","))
                CSVField.append(row.name, to: &buffer)
                buffer.append(UInt8(ascii: ","))
                CSVField.append(row.phoneE164, to: &buffer)
                buffer.append(UInt8(ascii: ","))
                buffer.append(contentsOf: status.rawValue.utf8)
                buffer.append(UInt8(ascii: ","))
                buffer.append(contentsOf: String(row.attempts).utf8)
                for text in [row.callID, row.callStatus] {
                    buffer.append(UInt8(ascii: ","))
                    if let text { CSVField.append(text, to: &buffer) }
                }
                buffer.append(UInt8(ascii: ","))
                if let durationMilliseconds = row.durationMilliseconds {
                    buffer.append(contentsOf: Self.seconds(milliseconds: durationMilliseconds).utf8)
                }
                for text in [row.disposition, row.summary, row.error] {
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
