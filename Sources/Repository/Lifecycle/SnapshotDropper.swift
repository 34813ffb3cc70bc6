import Foundation

/// Why a snapshot is not dropped. `message` is the operator's text.
public struct SnapshotDropError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Why the unfinished writes of a label that does not exist could not be discarded (for
    /// the log; the error stands either way).
    public var cleanupProblem: String?
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What one drop did.
public struct SnapshotDropOutcome: Sendable, Equatable {
    public var label: String
    /// Objects deleted from the folder (`__info` files included).
    public var removed: Int
    /// Files kept in the folder for `keptFor`.
    public var kept: Int
    public var keptFor: [String]
    /// Folders of earlier drops finished on the way (dropped snapshots whose files nobody reads
    /// any more, drops a crash cut off), and why others could not be finished this time.
    public var finished: [SnapshotDropOutcome] = []
    public var notFinished: [SnapshotDropError] = []
}

/// A step of the drop protocol (`SnapshotDropper`), after which fault injection may hold a drop
/// so that crash tests kill the process exactly there.
public enum SnapshotDropStep: String, Sendable, CaseIterable {
    /// `__dropping` is durable; nothing is deleted yet.
    case marker
    /// The `__info` files are gone: the snapshot is no longer listed.
    case infos
    /// `__meta` and the files no listed snapshot reads are gone; the marker is not.
    case files
}

/// Drops snapshots from one repository, crash-safely: at any point where a process may die, a
/// snapshot is either listed with every file it reads, or not listed (its folder marked), and
/// the next drop or retention sweep finishes what was left.
///
/// Steps (`SnapshotDropPlan`): put `__dropping` and make it durable; delete the `__info` files;
/// delete the other objects no listed snapshot reads (and unfinished writes); delete the marker
/// if nothing stayed.
/// Files that listed snapshots read stay in the marked folder, and each drop finishes every
/// marked folder whose files nobody reads any more.
public struct SnapshotDropper: Sendable {
    public let store: ObjectStore
    public let repositoryName: String
    /// `__info` files this process already verified (the retention sweep's, which reads the
    /// same repositories every minute); nil reads every one.
    public let verifiedInfos: VerifiedInfoCache?
    /// Called after each step of each folder's drop with the step and the label; it may block
    /// (fault injection holds a drop there until the process is killed). Nil in normal runs.
    public let afterStep: (@Sendable (SnapshotDropStep, String) -> Void)?

    public init(
        store: ObjectStore, repositoryName: String, verifiedInfos: VerifiedInfoCache? = nil,
        afterStep: (@Sendable (SnapshotDropStep, String) -> Void)? = nil
    ) {
        self.store = store
        self.repositoryName = repositoryName
        self.verifiedInfos = verifiedInfos
        self.afterStep = afterStep
    }

    /// Drops `label` (with `timestamp`, only that `__info` while others of the label remain).
    /// Refuses a label in `labelsInUse` or a folder a snapshot in use reads from; refuses a base
    /// of listed snapshots unless `force` (then their files stay); refuses while another
    /// listed snapshot's `__info` cannot be read (what it needs is unknown).
    public func drop(label: String, timestamp: String? = nil, force: Bool = false, labelsInUse: Set<String> = [])
        throws(SnapshotDropError) -> SnapshotDropOutcome
    {
        if labelsInUse.contains(label) {
            throw SnapshotDropError("Snapshot \(label) is used by a running backup or restore job; cancel it first")
        }
        var inventory = try read()
        guard let folder = inventory.folders[label] else {
            // Writes a crash cut off are not listed, but they are this label's: they go too. The
            // answer is the same whether that worked or not; what stays is tried again next time.
            let discarded = Result { () throws(ObjectStoreError) in
                try store.discardIncompleteWrites(prefix: inventory.paths.snapshotDirectory(label: label) + "/")
            }
            var error = SnapshotDropError("Snapshot \(label) does not exist in repository \(repositoryName)")
            if case .failure(let problem) = discarded { error.cleanupProblem = problem.message }
            throw error
        }
        let protected = labelsInUse.union(labelsInUse.flatMap { inventory.folders[$0]?.labelsNeeded ?? [] })
        if protected.contains(label) {
            throw SnapshotDropError("Snapshot \(label) is used by a running backup or restore job; cancel it first")
        }
        if let timestamp {
            let infos = RepositoryInventory.infoFiles(of: folder, paths: inventory.paths)
            guard let chosen = infos.first(where: { $0.timestamp == timestamp }) else {
                throw SnapshotDropError("Snapshot \(label) has no timestamp \(timestamp) in repository \(repositoryName)")
            }
            if infos.count > 1, !folder.dropping {
                // The label stays listed with its other runs, and so do its files.
                do {
                    try store.delete([chosen.key])
                } catch {
                    throw SnapshotDropError("Failed to drop snapshot \(label): \(error.message)")
                }
                return SnapshotDropOutcome(label: label, removed: 1, kept: 0, keptFor: [])
            }
        }
        if let other = inventory.unreadable.first(where: { $0.label != label }) {
            throw SnapshotDropError(
                "Cannot tell which files snapshot \(other.label) reads, so nothing is dropped (its info cannot be read: \(other.reason)); "
                    + "drop or repair \(other.label) first")
        }
        let dependents = inventory.dependents(of: label)
        if !dependents.isEmpty, !force, !folder.dropping {
            throw SnapshotDropError(
                "Snapshot \(label) is the base of incremental snapshots \(dependents.joined(separator: ", ")) in repository \(repositoryName): "
                    + "drop those first, or DROP SNAPSHOT \(label) ON \(repositoryName) FORCE to keep only the files they need")
        }
        var outcome = try run(SnapshotDropPlan(label: label, in: inventory)!, in: &inventory)
        (outcome.finished, outcome.notFinished) = finishMarkedFolders(in: &inventory, except: protected)
        return outcome
    }

    /// Finishes every marked folder: drops a crash cut off, and files kept for snapshots that are
    /// gone since. Returns what each finished (folders that still hold only files others read
    /// are left as they are and not returned) and why others failed; those stay marked for the
    /// next try. Nothing is finished while a listed snapshot's `__info` cannot be read.
    public func finishMarkedFolders(except protected: Set<String> = []) throws(SnapshotDropError)
        -> (finished: [SnapshotDropOutcome], notFinished: [SnapshotDropError])
    {
        var inventory = try read()
        return finishMarkedFolders(in: &inventory, except: protected)
    }

    private func finishMarkedFolders(in inventory: inout RepositoryInventory, except protected: Set<String>)
        -> (finished: [SnapshotDropOutcome], notFinished: [SnapshotDropError])
    {
        if let other = inventory.unreadable.first {
            return ([], [SnapshotDropError("Dropped snapshots are not cleaned up while the info of \(other.label) cannot be read: \(other.reason)")])
        }
        var finished: [SnapshotDropOutcome] = []
        var failures: [SnapshotDropError] = []
        for label in inventory.droppingLabels where !protected.contains(label) {
            guard let plan = SnapshotDropPlan(label: label, in: inventory),
                  !plan.infoKeys.isEmpty || !plan.deletions.isEmpty || plan.removesMarker
            else { continue }
            do {
                finished.append(try run(plan, in: &inventory))
            } catch {
                failures.append(error)
            }
        }
        return (finished, failures)
    }

    /// Carries out `plan` step by step and updates `inventory` to match.
    func run(_ plan: SnapshotDropPlan, in inventory: inout RepositoryInventory) throws(SnapshotDropError) -> SnapshotDropOutcome {
        let folderPrefix = inventory.paths.snapshotDirectory(label: plan.label) + "/"
        do {
            if !plan.markerPresent {
                try store.put(Array("dropping snapshot \(plan.label)\n".utf8), key: plan.marker)
                try store.flush()
            }
            afterStep?(.marker, plan.label)
            // The commit markers go first, so a half-deleted snapshot never looks complete.
            try store.delete(plan.infoKeys)
            afterStep?(.infos, plan.label)
            try store.delete(plan.deletions)
            afterStep?(.files, plan.label)
            if plan.removesMarker {
                try store.discardIncompleteWrites(prefix: folderPrefix)
                try store.delete([plan.marker])
            }
        } catch {
            throw SnapshotDropError("Failed to drop snapshot \(plan.label): \(error.message)")
        }
        inventory.folders[plan.label] = inventory.folders[plan.label].flatMap(plan.applied)
        return SnapshotDropOutcome(
            label: plan.label, removed: plan.infoKeys.count + plan.deletions.count, kept: plan.kept.count, keptFor: plan.keptFor)
    }

    private func read() throws(SnapshotDropError) -> RepositoryInventory {
        do {
            return try RepositoryInventory.read(store: store, repositoryName: repositoryName, verifiedInfos: verifiedInfos)
        } catch {
            throw SnapshotDropError("Failed to list snapshot in repo: \(repositoryName), err: \(error.message)")
        }
    }
}
