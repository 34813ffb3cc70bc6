import Essentials
import Foundation
import Catalog
import SQLSyntax
import Storage

/// Turns a `CREATE TABLE` into catalog records after checking it the way Doris does: column
/// names and types, keys, partition columns and bounds, buckets and replication.
struct TablePlanner {
    let catalog: CatalogState
    /// The `max_bucket_num_per_partition` FE config (0: no limit).
    let maxBuckets: Int

    static let defaultBuckets = 10

    /// The table record (ids left to the caller) and its partitions' names and bounds.
    func plan(_ create: CreateTable, databaseId: ObjectID) throws(SQLError) -> (TableRecord, [(String, PartitionBound)]) {
        try NameRules.checkTable(create.name.name)
        guard !create.columns.isEmpty else { throw SQLError.general("A table needs at least one column") }
        let keys = try TableModelRules.keys(of: create)
        try TableModelRules.checkMergeOnWrite(keys.kind, create.properties)
        try TableModelRules.checkColumns(keys, create.columns)
        let columns = try planColumns(create, keys: keys)
        let keysKind = keys.kind
        let distribution = create.distribution ?? Self.defaultDistribution(keysKind, columns)
        for name in distribution.columns where columns.first(where: { $0.name.caseInsensitiveEquals(name) }) == nil {
            throw SQLError.general("Distribution column[\(name)] does not exist in table \(create.name.name)")
        }
        try TableModelRules.checkDistribution(distribution, keysKind, columns)
        try TableModelRules.checkAggregationTypes(create.columns)
        let buckets = try Self.buckets(distribution.buckets, limit: maxBuckets)
        let properties = create.properties.map { PropertyEntry(key: $0.key, value: $0.value) }
        let replication = try replicationNum(create.properties)
        try checkPartitionReplication(create.partitioning, table: replication)
        var table = TableRecord(
            id: 0, databaseId: databaseId, name: create.name.name, columns: columns, keysKind: keysKind,
            partitionKind: .unpartitioned, partitionColumns: [],
            distributionColumns: distribution.columns.compactMap { name in
                columns.first { $0.name.caseInsensitiveEquals(name) }?.name
            },
            defaultBuckets: buckets, replicationNum: replication, baseIndexId: 0,
            properties: properties, comment: create.comment ?? "", createdAt: Clock.nowSeconds())
        var partitions: [(String, PartitionBound)] = []
        switch create.partitioning {
        case nil:
            partitions = [(table.name, .all)]
        case .range(let names, let items):
            table.partitionKind = .range
            table.partitionColumns = try partitionColumns(names, in: table, allowed: Self.isRangeType)
            for definition in try BatchPartitions(table: table).expand(items) {
                let bound = try PartitionBounds(table: table).bound(
                    for: definition, existing: partitions.map { ($0.0, $0.1) })
                partitions.append((definition.name, bound))
            }
        case .list(let names, let items):
            table.partitionKind = .list
            table.partitionColumns = try partitionColumns(names, in: table, allowed: Self.isListType)
            for definition in try BatchPartitions(table: table).expand(items) {
                let bound = try PartitionBounds(table: table).bound(
                    for: definition, existing: partitions.map { ($0.0, $0.1) })
                partitions.append((definition.name, bound))
            }
        }
        return (table, partitions)
    }

    /// Without DISTRIBUTED BY, a DUPLICATE table is spread at random; an AGGREGATE or UNIQUE
    /// table is hashed on its first column (Doris's older default), so equal keys meet.
    private static func defaultDistribution(_ kind: KeysDescription.Kind, _ columns: [Column]) -> Distribution {
        Distribution(columns: kind == .duplicate ? [] : [columns[0].name], buckets: nil)
    }

    private func planColumns(_ create: CreateTable, keys: KeysDescription) throws(SQLError) -> [Column] {
        let keyNames = keys.columns
        var seen: Set<String> = []
        var columns: [Column] = []
        for (i, definition) in create.columns.enumerated() {
            try NameRules.checkColumn(definition.name)
            guard seen.insert(definition.name.lowercased()).inserted else {
                throw SQLError(code: 1060, sqlState: "42S21", "Duplicate column name '\(definition.name)'")
            }
            try Self.checkType(definition.type, column: definition.name)
            var defaultText: String?
            if let literal = definition.defaultValue, literal != .null {
                do {
                    defaultText = try definition.type.value(fromLiteral: literal).displayText
                } catch {
                    throw SQLError(code: 1067, sqlState: "42000", "Invalid default value for '\(definition.name)'")
                }
            }
            let isKey = i < keyNames.count && keyNames[i].caseInsensitiveEquals(definition.name)
            columns.append(Column(
                name: definition.name, type: definition.type, nullable: definition.nullable, isKey: isKey,
                defaultValue: defaultText, comment: definition.comment ?? "", aggregationType: definition.aggregation))
        }
        return columns
    }

    /// Doris's default sort key when none is written: the first columns, at most three,
    /// ending at the first string column and never including a FLOAT, DOUBLE or STRING.
    static func defaultKeys(_ columns: [ColumnDefinition]) -> [String] {
        var keys: [String] = []
        for column in columns.prefix(3) {
            switch column.type {
            case .float, .double, .string:
                return keys.isEmpty ? [column.name] : keys
            case .char, .varchar:
                return keys + [column.name]
            default:
                keys.append(column.name)
            }
        }
        return keys
    }

    /// Doris's type checks and texts (DECIMAL128 and DATETIMEV2 limits).
    static func checkType(_ type: ColumnType, column: String) throws(SQLError) {
        switch type {
        case .decimal(let p, let s):
            if (DecimalText.maxPrecision + 1)...76 ~= p {
                // Doris accepts these only with its decimal256 switch, which SnapDeck lacks.
                throw SQLError.general("Column of type Decimal256 with precision \(p) in not supported.")
            }
            guard (1...DecimalText.maxPrecision).contains(p) else {
                throw SQLError.general("Precision of decimal128 must between 1 and 38. Precision was set to: \(p).")
            }
            guard s >= 0 else {
                throw SQLError.general("Scale of decimal must not be less than 0. Scale was set to: \(s).")
            }
            guard s <= p else {
                throw SQLError.general("Scale of decimal must be smaller than precision. Scale is \(s) and precision is \(p)")
            }
        case .datetimeV2(let scale):
            guard (0...6).contains(scale) else {
                throw SQLError.general("Scale of Datetime/Time must between 0 and 6. Scale was set to: \(scale).")
            }
        case .char(let n):
            guard (1...255).contains(n) else { throw SQLError.general("Column '\(column)': CHAR length must be 1 to 255") }
        case .varchar(let n):
            guard (1...65533).contains(n) else {
                throw SQLError.general("Column '\(column)': VARCHAR length must be 1 to 65533")
            }
        default: break
        }
    }

    /// A written bucket count checked against `limit` (`max_bucket_num_per_partition`; 0 turns
    /// the check off, and BUCKETS AUTO is never limited, as in Doris).
    static func buckets(_ requested: Int?, limit: Int) throws(SQLError) -> Int {
        guard let n = requested else { return defaultBuckets }
        guard n > 0 else { throw SQLError.general("Number of hash distribution should be greater than zero.") }
        guard limit <= 0 || n <= limit else {
            throw SQLError.general(
                "Number of buckets (\(n)) exceeds the maximum allowed value (\(limit)). You can change the limit by setting FE config max_bucket_num_per_partition.")
        }
        return n
    }

    /// `replication_num` or `replication_allocation` ("tag.location.default: 3").
    func replicationNum(_ properties: [Property]) throws(SQLError) -> Int {
        // Doris defaults to 3; a smaller cluster gets one replica per backend instead of an error.
        guard let n = try ReplicationProperty.count(in: properties.map { ($0.key, $0.value) }) else {
            return try requireBackends(min(3, max(1, catalog.backends.count)))
        }
        return try requireBackends(n)
    }

    /// Partition properties may name a replica count, but SnapDeck keeps one count a table.
    private func checkPartitionReplication(_ scheme: PartitionScheme?, table: Int) throws(SQLError) {
        let items: [PartitionDefinition]
        switch scheme {
        case nil: return
        case .range(_, let list), .list(_, let list): items = list
        }
        for item in items {
            let properties = item.properties.map { ($0.key, $0.value) }
            if let n = try ReplicationProperty.count(in: properties), n != table {
                throw SQLError.general(
                    "Partition \(item.name): a replica count (\(n)) other than the table's (\(table)) is not supported; SnapDeck keeps one replica count per table")
            }
        }
    }

    private var aliveBackends: Int { catalog.backends.values.filter(\.alive).count }

    private func requireBackends(_ n: Int) throws(SQLError) -> Int {
        guard n <= aliveBackends else {
            throw SQLError.general(
                "Failed to find enough backend, please check the replication num,replication tag and storage medium and avaiable capacity of backends or maybe all be on same host. replication num: \(n), available backends: \(aliveBackends)")
        }
        return n
    }

    private func partitionColumns(_ names: [String], in table: TableRecord, allowed: (ColumnType) -> Bool) throws(SQLError) -> [String] {
        guard !names.isEmpty else { throw SQLError.general("Partition column list is empty") }
        var result: [String] = []
        for name in names {
            guard let column = table.column(named: name) else {
                throw SQLError.general("Partition column[\(name)] does not exist in column list.")
            }
            // Any column of a DUPLICATE KEY table may partition it; other models need keys.
            try TableModelRules.checkPartitionColumn(column, table.keysKind)
            guard allowed(column.type) else {
                throw SQLError.general("Column[\(name)] of type \(column.type.sqlName) cannot be a partition column")
            }
            result.append(column.name)
        }
        return result
    }

    static func isRangeType(_ type: ColumnType) -> Bool {
        switch type {
        case .tinyint, .smallint, .int, .bigint, .largeint, .date, .datetime, .datetimeV2: true
        default: false
        }
    }

    static func isListType(_ type: ColumnType) -> Bool {
        switch type {
        case .float, .double, .decimal, .string: false
        default: true
        }
    }
}
