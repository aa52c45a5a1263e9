import CampaignStore

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
    ///   store error.
    @discardableResult
    public func exportJSONLines(campaign name: String, to destination: ExportDestination) async throws
        -> ExportSummary
    {
        try await write(to: destination) { writer in
            try await store.withReportSnapshot { snapshot in
                let campaign = try await campaign(named: name, in: snapshot)
                return try await writeJSONLines(campaign: campaign.id, in: snapshot, to: writer)
            }
        }
    }

    private func writeJSONLines(campaign: Int64, in snapshot: any ReportSnapshot, to writer: BufferedFileWriter)
        async throws -> ExportSummary
    {
        var lines = 0
        var contacts = 0
        var previousContact: Int64?
        try await snapshot.forEachAttempt(ofCampaign: campaign) { row in
            if row.contactID != previousContact {
                contacts += 1
                previousContact = row.contactID
            }
            guard let status = ReportedStatus(storedText: row.statusText) else {
                throw CampaignReportError.invalidStoredValue(
                    table: "contacts", column: "status", rowID: row.contactID, value: row.statusText)
            }
            try writer.append { buffer in
                buffer.append(UInt8(ascii: "{"))
                JSONText.appendKey("row", to: &buffer)
                JSONText.appendOptional(row.rowNumber, to: &buffer)
                field("name", row.name, &buffer)
                field("contact_number", row.phoneE164, &buffer)
                field("status", status.rawValue, &buffer)
                field("stored_status", row.statusText, &buffer)
                field("region", row.region, &buffer)
                field("timezone", row.timeZone, &buffer)
                buffer.append(UInt8(ascii: ","))
                JSONText.appendKey("attempts", to: &buffer)
                JSONText.appendOptional(row.attempts, to: &buffer)
                field("last_error", row.lastError, &buffer)
                raw("variables", row.variablesJSON, &buffer)
                buffer.append(UInt8(ascii: ","))
                JSONText.appendKey("attempt", to: &buffer)
                JSONText.appendOptional(row.attemptNumber, to: &buffer)
                field("attempt_id", row.attemptID, &buffer)
                time("started_at", row.startedAt, &buffer)
                time("request_sent_at", row.requestSentAt, &buffer)
                time("ended_at", row.endedAt, &buffer)
                field("call_id", row.callID, &buffer)
                field("outcome", row.outcome, &buffer)
                field("call_status", row.callStatus, &buffer)
                buffer.append(UInt8(ascii: ","))
                JSONText.appendKey("duration_ms", to: &buffer)
                JSONText.appendOptional(row.durationMilliseconds, to: &buffer)
                field("summary", row.summary, &buffer)
                field("disposition", row.disposition, &buffer)
                raw("entity", row.entityJSON, &buffer)
                buffer.append(UInt8(ascii: ","))
                JSONText.appendKey("cost", to: &buffer)
                JSONText.appendOptional(row.cost, to: &buffer)
                field("transcript", row.transcript, &buffer)
                field("error", row.error, &buffer)
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

/// Appends `,"key":` and JSON text that the store has validated and compacted, or `null`.
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
