import Foundation
import Jobs
import Repository

/// Picks the snapshot an incremental BACKUP is taken against, when the statement is submitted:
/// the one `base_snapshot` names (its latest timestamp), or else the latest successful
/// snapshot of the repository of the same database and the same tables. The job only reads
/// the base's `__info` later, so a base that cannot serve is refused here, with a clear error.
struct IncrementalBaseChooser {
    let browser: SnapshotBrowser
    let repository: String
    /// Every label of the repository (already listed by the statement).
    let labels: [String]

    /// The latest timestamp of `label`, which must be a successful snapshot of `database`.
    func named(_ label: String, database: String) throws(SQLError) -> SnapshotProvenance.Reference {
        guard labels.contains(label) else {
            throw SQLError.general("Base snapshot \(label) does not exist in repository \(repository)")
        }
        let summary = browser.summary(label: label)
        guard let timestamp = summary.timestamps.filter({ !$0.hasPrefix("Invalid") }).max() else {
            throw SQLError.general("Base snapshot \(label) has no readable info file in repository \(repository): \(summary.status)")
        }
        let info: SnapshotInfoFile
        do {
            info = try browser.info(label: label, timestamp: timestamp)
        } catch {
            throw SQLError.general("Base snapshot \(label) has no readable info file in repository \(repository): \(error.message)")
        }
        guard info.isSuccessful else {
            throw SQLError.general("Base snapshot \(label) (\(timestamp)) did not succeed: its backup_result is \(info.backupResult)")
        }
        guard info.database == database else {
            throw SQLError.general("Base snapshot \(label) is a backup of database \(info.database), not of \(database)")
        }
        return SnapshotProvenance.Reference(label: label, timestamp: timestamp)
    }

    /// The latest snapshot (by backup time) of `database` holding exactly `tables`, nil when
    /// the repository has none. The repository is read once: one listing, one download per
    /// `__info`.
    func latest(database: String, tables: Set<String>) -> SnapshotProvenance.Reference? {
        let inventory: RepositoryInventory
        do {
            inventory = try RepositoryInventory.read(store: browser.store, repositoryName: repository)
        } catch {
            // As with an `__info` that cannot be read: no base is known, so the backup uploads
            // everything (taken in full, which SHOW BACKUP's Type says).
            return nil
        }
        var best: (time: Int64, reference: SnapshotProvenance.Reference)?
        // Snapshots being dropped have no `infos` in the inventory; unreadable `__info` files
        // are left out of it, so they cannot be a base either.
        // In label and timestamp order, so that of two snapshots of the same millisecond the
        // first by name is the base, whatever order the store lists them in.
        for folder in inventory.folders.values.sorted(by: { $0.label < $1.label }) {
            for (timestamp, info) in folder.infos.sorted(by: { $0.key < $1.key }) {
                guard info.isSuccessful, info.content == "ALL", info.database == database,
                      Set(info.tables.map(\.name)) == tables, info.backupTime > (best?.time ?? .min)
                else { continue }
                best = (info.backupTime, SnapshotProvenance.Reference(label: folder.label, timestamp: timestamp))
            }
        }
        return best?.reference
    }
}
