import Catalog
import Foundation
import Repository

/// The retention sweep: drops the expired snapshots this cluster made (its `clusterId` as
/// owner, `expireTime` passed on the job scheduler's clock), dependents before bases, in every
/// repository that is not read-only, and finishes drops a crash cut off. Each goes as DROP
/// SNAPSHOT ... FORCE does: what snapshots staying listed read stays in its folder (see
/// `RetentionPlan`). Another cluster's snapshots are left alone.
struct SnapshotRetention: StatementFamily {
    let services: ClusterServices

    /// Returns `repo/label` of each snapshot dropped. A repository that cannot be swept is
    /// logged and skipped so the others still are; the error names every such repository.
    func sweep() throws(SQLError) -> [String] {
        let now = Int64(scheduler.now().timeIntervalSince1970 * 1000)
        var dropped: [String] = []
        var failed: [String] = []
        for repository in services.catalog.repositories.values.sorted(by: { $0.name < $1.name }) where !repository.readOnly {
            do {
                dropped += try sweep(repository, now: now).map { "\(repository.name)/\($0)" }
            } catch {
                logger.warning("retention: cannot sweep repository \(repository.name): \(error.message)")
                failed.append("\(repository.name): \(error.message)")
            }
        }
        if !failed.isEmpty { throw SQLError.general("Retention could not sweep \(failed.joined(separator: "; "))") }
        return dropped
    }

    private func sweep(_ repository: RepositoryRecord, now: Int64) throws(SnapshotDropError) -> [String] {
        let store: ObjectStore
        do {
            store = try objectStore(for: repository)
        } catch {
            throw SnapshotDropError(error.message)
        }
        let care = SnapshotCareStatements(services: services)
        let dropper = care.dropper(store, repository, verifiedInfos: services.verifiedInfos)
        let inUse = scheduler.labelsInUse(repository: repository.id)
        let unfinished = try dropper.finishMarkedFolders(except: inUse)
        for outcome in unfinished.finished { care.log(outcome, repository: repository.name, reason: "retention: finished dropping") }
        for problem in unfinished.notFinished { logger.warning("retention: repository \(repository.name): \(problem.message)") }
        let inventory: RepositoryInventory
        do {
            inventory = try RepositoryInventory.read(store: store, repositoryName: repository.name, verifiedInfos: services.verifiedInfos)
        } catch {
            throw SnapshotDropError("Failed to list snapshot in repo: \(repository.name), err: \(error.message)")
        }
        let plan = RetentionPlan(inventory: inventory, owner: services.clusterId, now: now, protected: inUse)
        if !plan.keptForReaders.isEmpty {
            logger.info("retention: expired snapshots \(plan.keptForReaders.joined(separator: ", ")) of \(repository.name) keep the files snapshots that stay read")
        }
        var dropped: [String] = []
        for label in plan.order {
            do {
                let outcome = try dropper.drop(label: label, force: true, labelsInUse: scheduler.labelsInUse(repository: repository.id))
                care.log(outcome, repository: repository.name, reason: "retention: dropped expired")
                dropped.append(label)
            } catch {
                logger.warning("retention: cannot drop expired snapshot \(label) from \(repository.name): \(error.message)")
            }
        }
        return dropped
    }
}
