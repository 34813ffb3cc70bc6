/// Which expired snapshots of one repository the retention sweep drops, and in what order.
///
/// Expired: every `__info` of the label carries the sweeping cluster as owner and an expiry at
/// or before `now`. A snapshot any listed snapshot still reads from stays, unless that reader
/// goes too — so an expired base outlives its last unexpired (or foreign) incremental, and
/// dependents are dropped before their bases (each drop is then a plain, non-FORCE drop).
/// Snapshots without provenance (Doris's) or with another owner never expire here.
public struct RetentionPlan: Sendable, Equatable {
    /// Labels to drop, dependents first.
    public var order: [String]
    /// Expired labels kept because a snapshot that stays reads from them, sorted.
    public var keptForReaders: [String]

    public init(order: [String], keptForReaders: [String]) {
        self.order = order
        self.keptForReaders = keptForReaders
    }

    /// The plan for `inventory` as the cluster `owner` sees it at `now` (epoch ms); labels in
    /// `protected` (used by running jobs) stay.
    public init(inventory: RepositoryInventory, owner: String, now millis: Int64, protected: Set<String> = []) {
        var droppable = Set(inventory.folders.values.filter { folder in
            folder.isListed && folder.unreadable.isEmpty && !protected.contains(folder.label)
                && folder.infos.values.allSatisfy { info in
                    guard let provenance = info.provenance, provenance.owner == owner, let expiry = provenance.expireTime else { return false }
                    return expiry <= millis
                }
        }.map(\.label))
        let expired = droppable
        let listed = inventory.folders.values.filter(\.isListed)
        // A label stays while a reader that stays needs it; dropping it from the set may make
        // its own bases stay too, hence the loop until nothing changes.
        while let held = droppable.first(where: { label in
            listed.contains { $0.label != label && !droppable.contains($0.label) && $0.labelsNeeded.contains(label) }
        }) {
            droppable.remove(held)
        }
        var order: [String] = []
        var left = droppable
        while true {
            let ready = left.filter { label in !left.contains { $0 != label && inventory.folders[$0]!.labelsNeeded.contains(label) } }.sorted()
            guard !ready.isEmpty else { break }
            order += ready
            left.subtract(ready)
        }
        self.order = order
        keptForReaders = expired.subtracting(order).sorted()
    }
}
