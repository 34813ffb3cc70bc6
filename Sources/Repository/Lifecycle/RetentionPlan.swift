/// Which expired snapshots of one repository the retention sweep drops, and in what order.
///
/// Expired: every `__info` of the label carries the sweeping cluster as owner and an expiry at
/// or before `now`. Every expired snapshot goes (it is no longer listed or restorable, which is
/// what its TTL asked for), but as DROP SNAPSHOT ... FORCE does: files a snapshot that stays
/// still reads — an unexpired incremental on top of it, or another cluster's — stay in its
/// folder until their last reader goes. Otherwise a nightly incremental chain, where every
/// night reads the nights before it, would never let a night expire. Dependents are dropped
/// before their bases. Snapshots without provenance (Doris's) or with another owner never
/// expire here; a snapshot a running job uses, and every folder it reads, stays.
public struct RetentionPlan: Sendable, Equatable {
    /// Labels to drop, dependents first.
    public var order: [String]
    /// Labels in `order` whose folders keep files that snapshots staying listed read, sorted.
    public var keptForReaders: [String]

    public init(order: [String], keptForReaders: [String]) {
        self.order = order
        self.keptForReaders = keptForReaders
    }

    /// The plan for `inventory` as the cluster `owner` sees it at `now` (epoch ms); labels in
    /// `protected` (used by running jobs) stay, with the folders they read.
    public init(inventory: RepositoryInventory, owner: String, now millis: Int64, protected: Set<String> = []) {
        let shielded = protected.union(protected.flatMap { inventory.folders[$0]?.labelsNeeded ?? [] })
        let droppable = Set(inventory.folders.values.filter { folder in
            folder.isListed && folder.unreadable.isEmpty && !shielded.contains(folder.label)
                && folder.infos.values.allSatisfy { info in
                    guard let provenance = info.provenance, provenance.owner == owner, let expiry = provenance.expireTime else { return false }
                    return expiry <= millis
                }
        }.map(\.label))
        let staying = inventory.folders.values.filter { $0.isListed && !droppable.contains($0.label) }
        var order: [String] = []
        var left = droppable
        while !left.isEmpty {
            let ready = left.filter { label in !left.contains { $0 != label && inventory.folders[$0]!.labelsNeeded.contains(label) } }.sorted()
            // Labels that read each other (not made by SnapDeck, but possible in a hand-edited
            // repository) go in name order once nothing else is ready.
            let next = ready.isEmpty ? [left.sorted()[0]] : ready
            order += next
            left.subtract(next)
        }
        self.order = order
        keptForReaders = droppable.filter { label in staying.contains { $0.labelsNeeded.contains(label) } }.sorted()
    }
}
