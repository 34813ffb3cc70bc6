/// Why a partition cannot get its replicas.
public struct NotEnoughBackends: Error, Sendable, CustomStringConvertible {
    public var required: Int
    public var available: Int
    public var description: String {
        "Failed to find enough backend, please check the replication num,replication tag and storage medium and avaiable capacity of backends or maybe all be on same host. replication num: \(required), available backends: \(available)"
    }
}

extension CatalogTransaction {
    /// Creates a partition with its tablets (one per bucket) and replicas spread round-robin
    /// over the live backends, starting each tablet one backend further on so every backend
    /// holds a share. No data yet: version 1, as Doris starts every partition.
    @discardableResult
    public func createPartition(
        name: String, bound: PartitionBound, buckets: Int, replicationNum: Int, table: TableRecord,
        now: Int64, hiddenByJob: Int64? = nil
    ) throws -> PartitionRecord {
        let alive = state.sortedBackends.filter(\.alive).map(\.id)
        guard alive.count >= replicationNum else { throw NotEnoughBackends(required: replicationNum, available: alive.count) }
        var partition = PartitionRecord(
            id: try nextId(), tableId: table.id, name: name, bound: bound, buckets: buckets,
            visibleVersion: 1, visibleVersionTime: now)
        partition.hiddenByJob = hiddenByJob
        try save(partition)
        let ids = try nextIds(buckets * (1 + replicationNum))
        var next = ids.makeIterator()
        let start = Int(partition.id % Int64(alive.count))
        for bucket in 0..<buckets {
            let tablet = TabletRecord(id: next.next()!, partitionId: partition.id, bucket: bucket)
            try save(tablet)
            for r in 0..<replicationNum {
                try save(ReplicaRecord(id: next.next()!, tabletId: tablet.id, backendId: alive[(start + bucket + r) % alive.count]))
            }
        }
        return partition
    }

    /// Deletes a partition, its tablets, replicas and rowsets; returns the tablet folders
    /// (relative `backends/<be>/data/<tablet>`) that now hold nothing the catalog knows.
    @discardableResult
    public func deletePartitionTree(_ partition: PartitionRecord) throws -> [String] {
        var folders: [String] = []
        for tablet in state.tablets(of: partition.id) {
            for rowset in state.rowsets(of: tablet.id) { try deleteRowset(rowset.id) }
            for replica in state.replicas(of: tablet.id) {
                folders.append("backends/\(replica.backendId)/data/\(tablet.id)")
                try deleteReplica(replica.id)
            }
            try deleteTablet(tablet.id)
        }
        try deletePartition(partition.id)
        return folders
    }
}
