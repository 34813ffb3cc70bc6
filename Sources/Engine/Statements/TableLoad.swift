import Catalog
import Storage

/// One INSERT or LOAD DATA into a table, all or nothing, in bounded memory.
///
/// Rows go into a `LoadSpool`. Whenever it holds `load_buffer_bytes` of encoded rows, its
/// fullest segments get rowset ids and go on the catalog's garbage list (one transaction,
/// committed before a byte is written), then are written to every replica in the background
/// while rows keep coming. `commit` writes what is left and publishes every segment written,
/// in one transaction that bumps each touched partition's version once and takes the files off
/// the garbage list: all the segments of one tablet become rowsets of the same new version. Any
/// failure before that removes the files written so far; a crash leaves them listed, and the
/// next open deletes them.
struct TableLoad {
    private let services: ClusterServices
    let table: TableRecord
    private var spool: LoadSpool
    private let writer: SegmentWriter
    private let flusher: SegmentFlusher
    private var paths: [String] = []

    private init(services: ClusterServices, table: TableRecord, catalog: CatalogState) {
        self.services = services
        self.table = table
        spool = LoadSpool(table: table, catalog: catalog, budget: services.configInt("load_buffer_bytes"))
        writer = SegmentWriter(layout: services.layout)
        flusher = SegmentFlusher(writer: writer)
    }

    /// Rows added so far.
    var rowCount: Int { spool.rowCount }

    /// Adds one converted row, writing the fullest segments when the memory budget is used up.
    /// `position` ("at row 3") ends the error of a row that fits no partition.
    mutating func add(_ row: [Value], at position: @autoclosure () -> String) throws(SQLError) {
        do {
            try spool.add(row)
        } catch {
            let shown = error.key.map { $0.displayText ?? "NULL" }.joined(separator: ", ")
            throw SQLError(code: 1526, sqlState: "HY000", "Table has no partition for value \(shown) \(position())")
        }
        if spool.isFull { try write(spool.takeFullest()) }
    }

    /// Lists `segments` as garbage under new rowset ids, then hands them to the background writer.
    private mutating func write(_ segments: [LoadSpool.Segment]) throws(SQLError) {
        guard !segments.isEmpty else { return }
        let catalog = services.catalog
        var backends: [[ObjectID]] = []
        for segment in segments {
            let replicas = catalog.replicas(of: segment.tabletId).map(\.backendId)
            if let down = replicas.first(where: { catalog.backends[$0]?.alive != true }) {
                throw SQLError.general("Load failed: backend \(down) holding a replica of tablet \(segment.tabletId) is down")
            }
            backends.append(replicas)
        }
        let layout = services.layout
        let rowsetIds = try services.write { tx in
            let ids = try tx.nextIds(segments.count)
            for (i, segment) in segments.enumerated() {
                for backend in backends[i] {
                    try tx.addGarbage(layout.segmentFile(backend: backend, tablet: segment.tabletId, rowset: ids[i]))
                }
            }
            return ids
        }
        let pending = segments.indices.map { i in
            PendingSegment(
                tabletId: segments[i].tabletId, rowsetId: rowsetIds[i], rowCount: segments[i].rowCount,
                bytes: segments[i].bytes, backends: backends[i])
        }
        paths += writer.paths(of: pending)
        do {
            try flusher.submit(pending)
        } catch {
            throw SQLError.general("Load failed: \(error)")
        }
    }

    /// Writes the rest and publishes the load; returns the number of rows.
    private mutating func commit() throws(SQLError) -> Int {
        guard spool.rowCount > 0 else { return 0 }
        try write(spool.takeAll())
        let written: [WrittenSegment]
        do {
            written = try flusher.finish()
        } catch {
            throw SQLError.general("Load failed: \(error)")
        }
        let now = Clock.nowSeconds()
        let paths = self.paths
        let table = self.table
        try services.write { tx in
            var partitions: [ObjectID: PartitionRecord] = [:]
            for segment in written {
                guard let tablet = tx.state.tablets[segment.tabletId],
                    let partition = partitions[tablet.partitionId] ?? tx.state.partitions[tablet.partitionId]
                else { throw SQLError.general("Load failed: table \(table.name) changed during the load") }
                partitions[partition.id] = partition
                try tx.save(RowsetRecord(
                    id: segment.rowsetId, tabletId: segment.tabletId, version: partition.visibleVersion + 1,
                    rowCount: segment.rowCount, size: segment.size, md5: segment.md5, crc32c: segment.crc32c,
                    createdAt: now))
            }
            for var partition in partitions.values {
                partition.visibleVersion += 1
                partition.visibleVersionTime = now
                try tx.save(partition)
            }
            for p in paths { try tx.removeGarbage(p) }
        }
        services.logger.info("loaded \(spool.rowCount) rows into \(table.name): \(written.count) segments")
        return spool.rowCount
    }

    /// Stops the background writer and deletes every file the load wrote.
    private func abandon() {
        // The load already failed with its own error; a write error of the flusher would only
        // repeat it, and its files are deleted as garbage right after.
        _ = try? flusher.finish()
        services.removeGarbageNow()
    }

    /// Runs `fill` to add the rows of one statement into `table`, then commits them; on any
    /// failure nothing is published and the files written are removed.
    static func run(
        _ services: ClusterServices, into table: TableRecord, catalog: CatalogState,
        _ fill: (inout TableLoad) throws(SQLError) -> Void
    ) throws(SQLError) -> Int {
        var load = TableLoad(services: services, table: table, catalog: catalog)
        do {
            try fill(&load)
            return try load.commit()
        } catch {
            load.abandon()
            throw error
        }
    }
}
