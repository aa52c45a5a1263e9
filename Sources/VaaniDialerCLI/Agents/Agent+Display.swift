import Foundation
import VaaniAPI

extension Agent {
    /// The agent as one JSON object: its id, names, language, creation time, configuration and every
    /// other field the API sent.
    var json: JSONValue {
        JSONOutput.object(
            [
                "id": id.map(JSONValue.string),
                "agent_name": name.map(JSONValue.string),
                "display_name": displayName.map(JSONValue.string),
                "agent_language": language.map(JSONValue.string),
                "created_at": createdAt.map(JSONValue.string),
                "config": config.map(JSONValue.object),
            ],
            extra: extra
        )
    }

    /// The status the API reports (`status` or `agent_status`), or `-`.
    var statusText: String {
        (extra["status"] ?? extra["agent_status"])?.stringValue ?? "-"
    }

    /// `ID  NAME  STATUS` lines with aligned columns, a header first.
    static func table(_ agents: [Agent]) -> String {
        let rows = [["ID", "NAME", "STATUS"]] + agents.map { agent in
            [agent.id ?? "-", agent.displayName ?? agent.name ?? "-", agent.statusText]
        }
        let widths = (0..<2).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row[0].padding(toLength: widths[0] + 2, withPad: " ", startingAt: 0)
                + row[1].padding(toLength: widths[1] + 2, withPad: " ", startingAt: 0) + row[2]
        }
        .joined(separator: "\n")
    }
}
