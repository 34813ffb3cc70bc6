import Catalog
import Essentials
import SQLSyntax
import Storage

/// Converts declared partitions into bounds and checks them against the partitions that
/// exist: values of the right type, no overlap, no duplicate names.
struct PartitionBounds {
    let table: TableRecord

    private var types: [ColumnType] {
        table.partitionColumns.compactMap { table.column(named: $0)?.type }
    }

    func bound(for definition: PartitionDefinition, existing: [(String, PartitionBound)]) throws(SQLError) -> PartitionBound {
        try NameRules.checkPartition(definition.name)
        if existing.contains(where: { $0.0.lowercased() == definition.name.lowercased() }) {
            throw SQLError(code: 1517, sqlState: "HY000", "Duplicate partition name \(definition.name)")
        }
        switch (table.partitionKind, definition.values) {
        case (.range, .lessThan(let literals)):
            let upper = try rangeBound(literals)
            let lower = existing.compactMap { _, bound -> [BoundValue]? in
                guard case .range(_, let u) = bound, RangeBounds.compare(u, upper) < 0 else { return nil }
                return u
            }.max { RangeBounds.compare($0, $1) < 0 } ?? Array(repeating: .minimum, count: types.count)
            return try checkedRange(lower: lower, upper: upper, name: definition.name, existing: existing)
        case (.range, .fixedRange(let lo, let hi)):
            return try checkedRange(
                lower: try rangeBound(lo), upper: try rangeBound(hi), name: definition.name, existing: existing)
        case (.list, .inList(let tuples)):
            return .list(values: try listValues(tuples, name: definition.name, existing: existing))
        default:
            throw SQLError.general(
                "Partition \(definition.name): the values clause does not fit a \(table.partitionKind.rawValue) partitioned table")
        }
    }

    /// The tuples of a LIST partition: one value per partition column, none held by another
    /// partition (Doris's texts; a tuple written twice in one partition counts once).
    private func listValues(_ tuples: [[Literal]], name: String, existing: [(String, PartitionBound)]) throws(SQLError) -> [[Value]] {
        var values: [[Value]] = []
        for tuple in tuples {
            guard tuple.count == types.count else {
                throw SQLError.general("partition key desc list size[\(tuple.count)] is not equal to partition column size[\(types.count)]")
            }
            var row: [Value] = []
            for (literal, type) in zip(tuple, types) { row.append(try convert(literal, type)) }
            for case (_, .list(let other)) in existing where other.contains(row) {
                throw SQLError.general(
                    "Invalid list value format: The partition key[\(Self.keyText(row))] in partition item[\(Self.itemText(tuples))] is conflict with current partitionKeys[(\(other.map(Self.keyText).joined(separator: ",")))]")
            }
            if !values.contains(row) { values.append(row) }
        }
        return values
    }

    /// A key as Doris prints it in conflicts: `("1", "x")`.
    static func keyText(_ key: [Value]) -> String {
        "(" + key.map { "\"\($0.displayText ?? "NULL")\"" }.joined(separator: ", ") + ")"
    }

    /// The IN list as written: `('1','2')` for one column, `(('1','x'),('1','y'))` for several.
    static func itemText(_ tuples: [[Literal]]) -> String {
        func quoted(_ literal: Literal) -> String {
            switch literal {
            case .string(let s), .number(let s): "'\(s)'"
            case .boolean(let b): b ? "'1'" : "'0'"
            case .null: "NULL"
            case .maxValue: "MAXVALUE"
            }
        }
        return "(" + tuples.map { tuple in
            tuple.count == 1 ? quoted(tuple[0]) : "(" + tuple.map(quoted).joined(separator: ",") + ")"
        }.joined(separator: ",") + ")"
    }

    private func rangeBound(_ literals: [Literal]) throws(SQLError) -> [BoundValue] {
        if literals == [.maxValue] { return Array(repeating: .maximum, count: types.count) }
        guard literals.count <= types.count, !literals.isEmpty else {
            throw SQLError.general("Partition values count must be between 1 and \(types.count)")
        }
        var bound: [BoundValue] = []
        for (i, type) in types.enumerated() {
            if i < literals.count {
                bound.append(literals[i] == .maxValue ? .maximum : .value(try convert(literals[i], type)))
            } else {
                bound.append(.minimum)
            }
        }
        return bound
    }

    private func checkedRange(lower: [BoundValue], upper: [BoundValue], name: String, existing: [(String, PartitionBound)]) throws(SQLError) -> PartitionBound {
        guard RangeBounds.compare(lower, upper) < 0 else {
            throw SQLError.general("Partition \(name): the lower bound \(Self.describe(lower)) is not below the upper bound \(Self.describe(upper))")
        }
        for (other, bound) in existing {
            guard case .range(let l, let u) = bound else { continue }
            if RangeBounds.compare(lower, u) < 0 && RangeBounds.compare(l, upper) < 0 {
                throw SQLError.general(
                    "Range \(Self.describe(lower: lower, upper: upper, types: types)) is intersected with range: \(Self.describe(lower: l, upper: u, types: types)) of partition \(other)")
            }
        }
        return .range(lower: lower, upper: upper)
    }

    private func convert(_ literal: Literal, _ type: ColumnType) throws(SQLError) -> Value {
        do {
            return try type.value(fromLiteral: literal)
        } catch {
            throw SQLError.general("Invalid partition value '\(error.text)' for type \(type.sqlName)")
        }
    }

    static func describe(_ bound: [BoundValue]) -> String {
        "(" + bound.map(text).joined(separator: ", ") + ")"
    }

    static func text(_ value: BoundValue) -> String {
        switch value {
        case .minimum: "MIN"
        case .maximum: "MAXVALUE"
        case .value(let v): "\"\(v.displayText ?? "NULL")\""
        }
    }

    /// Doris's SHOW PARTITIONS form: `[types: [DATE]; keys: [2024-01-01]; ..types: [DATE]; keys: [2024-02-01]; )`.
    static func describe(lower: [BoundValue], upper: [BoundValue], types: [ColumnType]) -> String {
        let typeList = "[" + types.map { $0.sqlName.split(separator: "(").first.map(String.init) ?? "" }.joined(separator: ", ") + "]"
        func keys(_ bound: [BoundValue]) -> String {
            "[" + zip(bound, types).map { value, type in
                switch value {
                case .minimum: return minimumText(type)
                case .maximum: return maximumText(type)
                case .value(let v): return v.displayText ?? "NULL"
                }
            }.joined(separator: ", ") + "]"
        }
        return "[types: \(typeList); keys: \(keys(lower)); ..types: \(typeList); keys: \(keys(upper)); )"
    }

    static func minimumText(_ type: ColumnType) -> String {
        switch type {
        case .tinyint: "-128"
        case .smallint: "-32768"
        case .int: "-2147483648"
        case .bigint: "-9223372036854775808"
        case .date: "0000-01-01"
        case .datetime: "0000-01-01 00:00:00"
        default: "MIN"
        }
    }

    private static func maximumText(_ type: ColumnType) -> String {
        switch type {
        case .tinyint: "127"
        case .smallint: "32767"
        case .int: "2147483647"
        case .bigint: "9223372036854775807"
        case .date: "9999-12-31"
        case .datetime: "9999-12-31 23:59:59"
        default: "MAXVALUE"
        }
    }
}
