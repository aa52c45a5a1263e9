public import CampaignStore
import Foundation
import GRDB

extension CampaignDatabase {
    /// Adds numbers to the global do-not-call list in one transaction; a number already listed keeps
    /// its first reason and source.
    ///
    /// - Returns: How many numbers were newly listed.
    @discardableResult
    public func suppress(_ entries: [SuppressionEntry]) throws -> Int {
        try writer.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO suppression (phone_e164, reason, source, added_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (phone_e164) DO NOTHING
                    """
            )
            var added = 0
            for entry in entries {
                try statement.execute(arguments: [
                    entry.phoneE164, entry.reason, entry.source, entry.addedAt.epochMilliseconds,
                ])
                added += db.changesCount
            }
            return added
        }
    }

    /// Whether `phoneE164` is on the do-not-call list.
    public func isSuppressed(_ phoneE164: String) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM suppression WHERE phone_e164 = ?)",
                arguments: [phoneE164]
            ) ?? false
        }
    }

    /// Every number on the do-not-call list, for checks in memory during a bulk import.
    public func suppressedNumbers() throws -> Set<String> {
        try writer.read { db in
            var numbers = Set<String>()
            let cursor = try String.fetchCursor(db, sql: "SELECT phone_e164 FROM suppression")
            while let number = try cursor.next() { numbers.insert(number) }
            return numbers
        }
    }

    /// The entry for `phoneE164`, or `nil` when it is not listed.
    public func suppressionEntry(for phoneE164: String) throws -> SuppressionEntry? {
        try writer.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT phone_e164, reason, source, added_at FROM suppression WHERE phone_e164 = ?",
                arguments: [phoneE164]
            ).map { row in
                SuppressionEntry(
                    phoneE164: row[0],
                    reason: row[1],
                    source: row[2],
                    addedAt: Date(epochMilliseconds: row[3])
                )
            }
        }
    }
}
