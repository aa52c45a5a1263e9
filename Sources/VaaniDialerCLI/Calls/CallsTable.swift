import Foundation
import VaaniAPI

/// The columns of `calls list`.
enum CallsTable {
    static let widths = [38, 12, 9, 16]

    static var header: String { line(["CALL", "STATUS", "DURATION", "CONTACT", "CREATED"]) }

    static func row(_ record: CallRecord, fullNumbers: Bool) -> String {
        line([
            record.callID, record.status?.rawValue ?? "-",
            record.durationMilliseconds.map { CallRecord.durationText(milliseconds: $0) } ?? "-",
            record.contactNumber.map { CallRecord.shown($0, fullNumbers: fullNumbers) } ?? "-",
            record.createdAt ?? "-",
        ])
    }

    private static func line(_ cells: [String]) -> String {
        var text = ""
        for (index, cell) in cells.enumerated() {
            if index < widths.count {
                text += cell.count + 1 >= widths[index] ? cell + " " : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            } else {
                text += cell
            }
        }
        return text
    }
}
