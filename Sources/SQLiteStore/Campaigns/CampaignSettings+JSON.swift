import CampaignStore
import Foundation

extension CampaignSettings {
    /// The settings as the compact JSON stored in `campaigns.settings`.
    func encodedJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
