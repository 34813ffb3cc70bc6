import Console
import Essentials

/// The statements behind each part of the picture, and their answers read by `ShowReading`.
enum RemoteTables {
    static func databases(_ reading: RemoteReading) throws -> [String] {
        try ShowReading.databases(from: reading.query("SHOW DATABASES")).map(\.name)
    }

    static func jobs(_ kind: JobKind, database: String, _ reading: RemoteReading) throws -> [JobRow] {
        // SnapDeck's FULL form adds exact files, bytes, rate and ETA; other servers have only SHOW's.
        let sql = "SHOW " + (reading.server.flavor == .snapdeck ? "FULL " : "") + kind.keyword + " FROM " + Quoting.sqlIdentifier(database)
        return try ShowReading.jobs(kind, from: reading.query(sql), utcOffset: reading.utcOffset)
    }

    /// A database with its tables and their partitions; tablets too when `withTablets` (only the
    /// Catalog tab drills that deep: it costs a statement per table).
    static func database(named name: String, id: Int64, withTablets: Bool, _ reading: RemoteReading) throws -> CatalogNode {
        let tables = try ShowReading.tables(from: reading.query("SHOW TABLES FROM " + Quoting.sqlIdentifier(name)))
        var children: [CatalogNode] = []
        for (index, table) in tables.enumerated() {
            let qualified = Quoting.sqlIdentifier(name) + "." + Quoting.sqlIdentifier(table.name)
            let partitionResult = try reading.query("SHOW PARTITIONS FROM " + qualified)
            var partitions = try ShowReading.partitions(from: partitionResult)
            if withTablets {
                let tablets = try reading.query("SHOW TABLETS FROM " + qualified)
                partitions = try attach(tablets, to: partitions)
            }
            var node = CatalogNode(kind: .table, id: table.id != 0 ? table.id : Int64(index), name: table.name,
                                   rows: partitions.reduce(0) { $0 + $1.rows }, bytes: partitions.reduce(0) { $0 + $1.bytes },
                                   files: partitions.reduce(0) { $0 + $1.files }, children: partitions)
            node.replication = partitionResult.columnIndex("ReplicationNum").flatMap { column in
                partitionResult.rows.first.flatMap { $0[column] }.flatMap { Int($0) }
            }
            children.append(node)
        }
        return CatalogNode(kind: .database, id: id, name: name, rows: children.reduce(0) { $0 + $1.rows },
                           bytes: children.reduce(0) { $0 + $1.bytes }, files: children.reduce(0) { $0 + $1.files },
                           children: children)
    }

    /// Tablets under their partitions, by the `PartitionName` column SnapDeck prints. Doris's
    /// SHOW TABLETS has no such column: its partitions keep no tablets (the tab says none are known).
    static func attach(_ result: RemoteResult, to partitions: [CatalogNode]) throws -> [CatalogNode] {
        guard let column = result.columnIndex("PartitionName") else { return partitions }
        let byPartition = Dictionary(grouping: result.rows) { $0[column] ?? "" }
        return try partitions.map { partition in
            var partition = partition
            var slice = result
            slice.rows = byPartition[partition.name] ?? []
            partition.children = try ShowReading.tablets(from: slice)
            return partition
        }
    }

    static func repositories(_ reading: RemoteReading) throws -> [RepositoryRow] {
        try ShowReading.repositories(from: reading.query("SHOW REPOSITORIES"))
    }

    static func backends(_ reading: RemoteReading) throws -> (Int, Int) {
        let backends = try ShowReading.backends(from: reading.query("SHOW BACKENDS"))
        return (backends.alive, backends.total)
    }

    /// Backup schedules, read by the same reader as the embedded source's.
    static func schedules(_ reading: RemoteReading) throws -> [ScheduleRow] {
        let result = try reading.query(ScheduleRow.listStatement)
        do {
            return try ScheduleRow.rows(columns: result.columns, rows: result.rows)
        } catch {
            throw SourceProblem(kind: .unexpectedTable, message: error.message)
        }
    }

    static func snapshots(in repository: String, _ reading: RemoteReading) throws -> [SnapshotRow] {
        try ShowReading.snapshots(repository: repository, from: reading.query("SHOW SNAPSHOT ON " + Quoting.sqlIdentifier(repository)))
    }

    static func snapshotContents(repository: String, label: String, timestamp: String, _ reading: RemoteReading) throws -> SnapshotContents {
        let result = try reading.query("SHOW SNAPSHOT ON " + Quoting.sqlIdentifier(repository) + " WHERE SNAPSHOT = "
            + Quoting.sqlString(label, quote: "'") + " AND TIMESTAMP = " + Quoting.sqlString(timestamp, quote: "'"))
        if let failure = ShowReading.snapshotFailure(from: result) { throw SourceProblem(kind: .serverError, message: failure) }
        guard let details = try ShowReading.snapshotDetails(from: result), let contents = SnapshotContents.parse(details) else {
            throw SourceProblem(kind: .unexpectedTable, message: "SHOW SNAPSHOT gave no details SnapDeck can read for \(label) @ \(timestamp)")
        }
        return contents
    }
}
