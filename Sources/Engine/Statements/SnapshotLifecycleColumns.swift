import Jobs
import Repository

/// The columns SnapDeck appends to SHOW SNAPSHOT (both forms): type, base, bytes and retention,
/// from each timestamp's provenance. Snapshots Doris wrote have none: `FULL` and empty cells.
/// A label with several timestamps gets one line per timestamp in each cell, as `Timestamp`.
enum SnapshotLifecycleColumns {
    static let names = ["Type", "BaseSnapshot", "UploadedBytes", "TotalBytes", "Owner", "TTL", "ExpireTime"]

    /// The cells of one timestamp.
    static func cells(_ provenance: SnapshotProvenance?) -> [String] {
        guard let p = provenance else { return ["FULL", "", "", "", "", "", ""] }
        return [p.kind.shown, p.base?.label ?? "", String(p.uploadedBytes), String(p.totalBytes), p.owner ?? "",
                p.ttl ?? "", p.expireTime.flatMap(JobTime.format) ?? ""]
    }

    /// The cells of a summary row; nil cells when the label has no timestamp.
    static func cells(_ summary: SnapshotBrowser.Summary) -> [String?] {
        guard !summary.timestamps.isEmpty else { return names.map { _ in nil } }
        let perTimestamp = summary.timestamps.map { timestamp in
            timestamp.hasPrefix("Invalid") ? names.map { _ in "" } : cells(summary.provenances[timestamp])
        }
        return names.indices.map { column in perTimestamp.map { $0[column] }.joined(separator: "\n") }
    }
}
