import Foundation

extension Campaign {
    /// Checks that `name` can name a campaign and, through ``fileStem(ofName:)``, a file; every store
    /// checks a new campaign's name with it.
    /// - Throws: ``CampaignStoreError/invalidCampaignName(_:reason:)``.
    public static func validateName(_ name: String) throws {
        if name.isEmpty { throw CampaignStoreError.invalidCampaignName(name, reason: "it is empty") }
        if name.count > 200 {
            throw CampaignStoreError.invalidCampaignName(name, reason: "it is longer than 200 characters")
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw CampaignStoreError.invalidCampaignName(name, reason: "it contains a control character")
        }
        if name.contains("/") || name.contains("\\") {
            throw CampaignStoreError.invalidCampaignName(name, reason: "it contains a path separator")
        }
        if name.trimmingCharacters(in: .whitespaces) != name {
            throw CampaignStoreError.invalidCampaignName(name, reason: "it starts or ends with a space")
        }
    }

    /// A file-name-safe form of a campaign name for files written next to the store (for example
    /// `<stem>-rejects.csv`): ASCII letters, digits, `.`, `_` and `-` are kept, everything else
    /// becomes `_`, and a leading `.` becomes `_` so the file is never hidden.
    public static func fileStem(ofName name: String) -> String {
        var stem = String(
            name.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": Character(scalar)
                default: "_"
                }
            }
        )
        if stem.hasPrefix(".") { stem = "_" + stem.dropFirst() }
        return stem
    }
}
