import CampaignStore
import Foundation
import GRDB

extension Attempt {
    /// The statement arguments of every column, in the order of ``columnList``.
    var databaseArguments: StatementArguments {
        [
            id.uuidString.lowercased(), contactID, campaignID, number, startedAt.epochMilliseconds,
            requestSentAt?.epochMilliseconds, callID, outcome, callStatus, durationMilliseconds, summary,
            disposition, entityJSON, cost, transcript, error, endedAt?.epochMilliseconds,
        ]
    }

    /// Every column of `attempts`, in the order of ``databaseArguments``.
    static let columnList = """
        id, contact_id, campaign_id, number, started_at, request_sent_at, call_id, outcome, call_status, \
        duration_ms, summary, disposition, entity, cost, transcript, error, ended_at
        """
}
