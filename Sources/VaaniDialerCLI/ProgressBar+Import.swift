import CampaignStore
import ContactImport

extension ProgressBar {
    /// Shows an import's progress: the share of the file read, and rows imported and rejected.
    mutating func update(_ progress: ImportProgress) {
        let fraction = progress.totalBytes.map { $0 > 0 ? min(1, Double(progress.bytesRead) / Double($0)) : 1 }
        let counts = progress.counts
        update(fraction: fraction, numbers: "\(counts.rows) rows, \(counts.imported) imported, \(counts.rejected) rejected")
    }
}
