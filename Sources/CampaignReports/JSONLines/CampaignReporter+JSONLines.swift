import CampaignStore
import GRDB

extension CampaignReporter {
    /// Writes the JSON Lines report of a campaign: one object per attempt of every contact, in
    /// import order and attempt order, and one object for each contact never attempted.
    ///
    /// Each line holds the contact (`row`, `name`, `contact_number`, `status`, `stored_status`,
    /// `region`, `timezone`, `attempts`, `last_error`, `variables`) and the attempt (`attempt`,
    /// `attempt_id`, `started_at`, `request_sent_at`, `ended_at` as ISO 8601 UTC, `call_id`,
    /// `outcome`, `call_status`, `duration_ms`, `summary`, `disposition`, `entity`, `cost`,
    /// `transcript`, `error`); attempt fields are `null` on a contact's line without attempts.
    ///
    /// - Parameters:
    ///   - campaign: The campaign's name.
    ///   - destination: A file (created with owner-only permissions) or standard output.
    /// - Returns: What was written; `rows` counts lines.
    /// - Throws: ``CampaignReportError`` for an unknown campaign or a file that cannot be written, or a
    ///   GRDB `DatabaseError`.
    @discardableResult
    public func exportJSONLines(campaign name: String, to destination: ExportDestination) throws -> ExportSummary {
        try write(to: destination) { writer in
            try database.writer.read { db in
                let campaign = try campaign(named: name, in: db)
                return try writeJSONLines(campaign: campaign.id, in: db, to: writer)
            }
        }
    }

    private func writeJSONLines(campaign: Int64, in db: Database, to writer: BufferedFileWriter) throws
        -> ExportSummary
    {
        var lines = 0
        var contacts = 0
        var previousContact: Int64?
        // `json(...)` re-serializes stored JSON compactly, so a pretty-printed value cannot break a line.
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.id, c."row_number", c.name, c.phone_e164, c.status, c.region, c.timezone, c.attempts,
                       c.last_error, json(c.variables),
                       a.number, a.id, a.started_at, a.request_sent_at, a.ended_at, a.call_id, a.outcome,
                       a.call_status, a.duration_ms, a.summary, a.disposition, json(a.entity), a.cost,
                       a.transcript, a.error
                FROM contacts c
                LEFT JOIN attempts a ON a.contact_id = c.id
                WHERE +c.campaign_id = ?
                ORDER BY c.id, a.number
                """,
            arguments: [campaign]
        )
        while let row = try cursor.next() {
            let contactID: Int64 = row[0]
            if contactID != previousContact {
                contacts += 1
                previousContact = contactID
            }
            let statusText: String = row[4]
            guard let status = ReportedStatus(storedText: statusText) else {
                throw CampaignReportError.invalidStoredValue(
                    table: "contacts", column: "status", rowID: contactID, value: statusText)
            }
            try writer.append { buffer in
                buffer.append(UInt8(ascii: "{"))
                JSONText.appendKey("row", to: &buffer)
                JSONText.appendOptional(row[1] as Int64?, to: &buffer)
                field("name", row[2] as String?, &buffer)
                field("contact_number", row[3] as String?, &buffer)
                field("status", status.rawValue, &buffer)
                field("stored_status", statusText, &buffer)
                field("region", row[5] as String?, &buffer)
                field("timezone", row[6] as String?, &buffer)
                buffer.append(UInt8(ascii: ","))
                JSONText.appendKey("attempts", to: &buffer)
                JSONText.appendOptional(row[7] as Int64?, to: &buffer)
                field("last_error", row[8] as String?, &buffer)
                raw("variables", row[9] as String?, &buffer)
                buffer.append(UInt8(ascii: ","))
                JSONText.appendKey("attempt", to: &buffer)
                JSONText.appendOptional(row[10] as Int64?, to: &buffer)
                field("attempt_id", row[11] as String?, &buffer)
                time("started_at", row[12] as Int64?, &buffer)
                time("request_sent_at", row[13] as Int64?, &buffer)
                time("ended_at", row[14] as Int64?, &buffer)
                field("call_id", row[15] as String?, &buffer)
                field("outcome", row[16] as String?, &buffer)
                field("call_status", row[17] as String?, &buffer)
                buffer.append(UInt8(ascii: ","))
                JSONText.appendKey("duration_ms", to: &buffer)
                JSONText.appendOptional(row[18] as Int64?, to: &buffer)
                field("summary", row[19] as String?, &buffer)
                field("disposition", row[20] as String?, &buffer)
                raw("entity", row[21] as String?, &buffer)
                buffer.append(UInt8(ascii: ","))
                JSONText.appendKey("cost", to: &buffer)
                JSONText.appendOptional(row[22] as Double?, to: &buffer)
                field("transcript", row[23] as String?, &buffer)
                field("error", row[24] as String?, &buffer)
                buffer.append(contentsOf: [UInt8(ascii: "}"), UInt8(ascii: "\n")])
            }
            lines += 1
        }
        return ExportSummary(format: .json, contacts: contacts, rows: lines, bytes: writer.bytesWritten)
    }
}

/// Appends `,"key":"value"` (or `null`).
private func field(_ key: StaticString, _ value: String?, _ buffer: inout [UInt8]) {
    buffer.append(UInt8(ascii: ","))
    JSONText.appendKey(key, to: &buffer)
    JSONText.appendOptional(value, to: &buffer)
}

/// Appends `,"key":` and JSON text that the database has validated and compacted, or `null`.
private func raw(_ key: StaticString, _ json: String?, _ buffer: inout [UInt8]) {
    buffer.append(UInt8(ascii: ","))
    JSONText.appendKey(key, to: &buffer)
    if let json { buffer.append(contentsOf: json.utf8) } else { JSONText.appendNull(to: &buffer) }
}

/// Appends `,"key":"2026-…Z"` (or `null`).
private func time(_ key: StaticString, _ milliseconds: Int64?, _ buffer: inout [UInt8]) {
    buffer.append(UInt8(ascii: ","))
    JSONText.appendKey(key, to: &buffer)
    if let milliseconds {
        JSONText.appendString(Timestamp.iso8601(epochMilliseconds: milliseconds), to: &buffer)
    } else {
        JSONText.appendNull(to: &buffer)
    }
}
