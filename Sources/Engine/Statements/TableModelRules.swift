import Catalog
import SQLSyntax

/// The data model of a new table (DUPLICATE, AGGREGATE or UNIQUE KEY), checked with Doris's
/// rules and error texts: keys, aggregation types, distribution and partition columns.
enum TableModelRules {
    static let mergeOnWrite = "enable_unique_key_merge_on_write"

    /// The keys as written, or inferred as Doris infers them: a table with an aggregated column
    /// is AGGREGATE KEY on the columns before the first one; any other is DUPLICATE KEY.
    static func keys(of create: CreateTable) throws(SQLError) -> KeysDescription {
        if let keys = create.keys {
            if keys.columns.isEmpty, keys.kind != .duplicate { throw SQLError.general("The number of key columns is 0.") }
            return keys
        }
        guard let firstAggregated = create.columns.firstIndex(where: { $0.aggregation != nil }) else {
            return KeysDescription(kind: .duplicate, columns: TablePlanner.defaultKeys(create.columns))
        }
        guard firstAggregated > 0 else {
            throw SQLError.general(
                "The olap table first column could not be float, double, string or array, struct, map, please use decimal or varchar instead.")
        }
        return KeysDescription(kind: .aggregate, columns: create.columns.prefix(firstAggregated).map(\.name))
    }

    /// `enable_unique_key_merge_on_write` belongs to UNIQUE tables, and SnapDeck only merges on
    /// read: "true" is refused rather than silently given other semantics.
    static func checkMergeOnWrite(_ kind: KeysDescription.Kind, _ properties: [Property]) throws(SQLError) {
        guard let value = properties.last(where: { $0.key == mergeOnWrite })?.value else { return }
        guard kind == .unique else { throw SQLError.general("\(mergeOnWrite) property only support unique key table") }
        switch value.lowercased() {
        case "false": return
        case "true":
            throw SQLError.general(
                "\(mergeOnWrite) = true is not supported: SnapDeck merges UNIQUE KEY tables on read (the latest load of a key wins); leave the property out or set it to \"false\"")
        default:
            throw SQLError.general("\(mergeOnWrite) must be `true` or `false`")
        }
    }

    /// Keys are the first columns in order and carry no aggregation; value columns carry one
    /// exactly when the table is AGGREGATE KEY, of a type it can fold.
    static func checkColumns(_ keys: KeysDescription, _ columns: [ColumnDefinition]) throws(SQLError) {
        guard keys.columns.count <= columns.count else {
            throw SQLError.general("The number of key columns should be less than the number of columns.")
        }
        for (i, keyName) in keys.columns.enumerated() {
            let column = columns[i]
            guard keyName.caseInsensitiveEquals(column.name) else {
                guard columns.contains(where: { $0.name.caseInsensitiveEquals(keyName) }) else {
                    throw SQLError.general("Key column[\(keyName)] doesn't exist.")
                }
                throw SQLError.general(
                    "Key columns should be a ordered prefix of the schema. KeyColumns[\(i)] (starts from zero) is \(keyName), but corresponding column is \(column.name) in the previous columns declaration.")
            }
            if column.aggregation != nil {
                throw SQLError.general("Key column[\(column.name)] should not specify aggregate type.")
            }
        }
        for column in columns.dropFirst(keys.columns.count) {
            if keys.kind == .aggregate, column.aggregation == nil {
                throw SQLError.general("\(keys.kind.dorisName) table should specify aggregate type for non-key column[\(column.name)]")
            }
            if keys.kind != .aggregate, column.aggregation != nil {
                throw SQLError.general("\(keys.kind.dorisName) table should not specify aggregate type for non-key column[\(column.name)]")
            }
        }
    }

    /// Doris's type check for an aggregation, run after the distribution checks as in Doris.
    static func checkAggregationTypes(_ columns: [ColumnDefinition]) throws(SQLError) {
        for column in columns {
            guard let aggregation = column.aggregation, !accepts(aggregation, column.type) else { continue }
            throw SQLError.general(
                "Aggregate type \(aggregation.rawValue) is not compatible with primitive type \(column.type.sqlName)")
        }
    }

    static func accepts(_ aggregation: AggregationType, _ type: ColumnType) -> Bool {
        switch aggregation {
        case .sum:
            switch type {
            case .tinyint, .smallint, .int, .bigint, .largeint, .float, .double, .decimal: return true
            default: return false
            }
        case .max, .min, .replace, .replaceIfNotNull: return true
        // These fold HLL, BITMAP, QUANTILE_STATE and AGG_STATE columns, types SnapDeck lacks.
        case .hllUnion, .bitmapUnion, .quantileUnion, .generic: return false
        }
    }

    /// Rows with equal keys must meet in one tablet for a read to fold them: hash columns are
    /// keys, and UNIQUE tables (or AGGREGATE tables with REPLACE columns, whose order matters)
    /// are never distributed at random.
    static func checkDistribution(_ distribution: Distribution, _ kind: KeysDescription.Kind, _ columns: [Column]) throws(SQLError) {
        guard kind != .duplicate else { return }
        guard !distribution.columns.isEmpty else {
            if kind == .unique {
                throw SQLError.general("Create unique keys table should not contain random distribution desc")
            }
            if columns.contains(where: { $0.aggregationType == .replace || $0.aggregationType == .replaceIfNotNull }) {
                throw SQLError.general(
                    "Create aggregate keys table with value columns of which aggregate type is REPLACE or REPLACE_IF_NOT_NULL should not contain random distribution desc")
            }
            return
        }
        for name in distribution.columns where columns.first(where: { $0.name.caseInsensitiveEquals(name) })?.isKey == false {
            throw SQLError.general("Distribution column[\(name)] is not key column")
        }
    }

    /// Doris marks the value columns of AGGREGATE and merge-on-read UNIQUE tables as
    /// aggregated (UNIQUE ones as REPLACE), and refuses them as partition columns.
    static func checkPartitionColumn(_ column: Column, _ kind: KeysDescription.Kind) throws(SQLError) {
        if kind != .duplicate, !column.isKey {
            throw SQLError.general("The partition column could not be aggregated column")
        }
    }
}

extension KeysDescription.Kind {
    /// Doris's `KeysType` name, used in its error texts.
    var dorisName: String {
        switch self {
        case .duplicate: "DUP_KEYS"
        case .unique: "UNIQUE_KEYS"
        case .aggregate: "AGG_KEYS"
        }
    }
}
