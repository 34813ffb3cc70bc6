import Catalog
import SQLSyntax

/// Folds rows with equal keys into one, as an AGGREGATE KEY or merge-on-read UNIQUE KEY table
/// is read. Rows must be added in load order (rowset version, then rowset id, then file order),
/// because REPLACE and REPLACE_IF_NOT_NULL keep the later value.
///
/// NULL rules follow Doris: SUM, MAX and MIN skip NULLs (the result is NULL only while every
/// value was NULL); REPLACE takes the later value even when it is NULL; REPLACE_IF_NOT_NULL
/// takes the later value unless it is NULL.
public struct RowFolder {
    private let keyCount: Int
    private let foldings: [AggregationType?]
    private let types: [ColumnType]
    private var slots: [[UInt8]: Int] = [:]
    private var rows: [[Value]] = []
    private var keyBytes: [UInt8] = []

    /// `foldings` has one entry per column: nil for key columns, which come first.
    public init(foldings: [AggregationType?], types: [ColumnType]) {
        self.foldings = foldings
        self.types = types
        keyCount = foldings.prefix { $0 == nil }.count
    }

    public mutating func add(_ row: [Value]) {
        keyBytes.removeAll(keepingCapacity: true)
        for value in row.prefix(keyCount) { RowEncoding.append(value, to: &keyBytes) }
        guard let slot = slots[keyBytes] else {
            slots[keyBytes] = rows.count
            rows.append(row)
            return
        }
        for i in keyCount..<row.count {
            guard let folding = foldings[i] else { continue }
            rows[slot][i] = Self.fold(folding, rows[slot][i], row[i], type: types[i])
        }
    }

    /// The folded rows in key order, as Doris returns a tablet's rows.
    public func finish() -> [[Value]] {
        rows.sorted { a, b in
            for i in 0..<keyCount {
                let order = Value.compare(a[i], b[i])
                if order != 0 { return order < 0 }
            }
            return false
        }
    }

    static func fold(_ folding: AggregationType, _ current: Value, _ next: Value, type: ColumnType) -> Value {
        switch folding {
        case .replaceIfNotNull: return next.isNull ? current : next
        case .sum, .max, .min:
            if next.isNull { return current }
            if current.isNull { return next }
            switch folding {
            case .max: return Value.compare(next, current) > 0 ? next : current
            case .min: return Value.compare(next, current) < 0 ? next : current
            default: return sum(current, next, type: type)
            }
        // The planner refuses the object-type aggregations, so REPLACE is the only one left.
        case .replace, .hllUnion, .bitmapUnion, .quantileUnion, .generic: return next
        }
    }

    /// Adds in the column's own type, wrapping on overflow as Doris's storage does (its SUM
    /// keeps the column type: a TINYINT column sums to a TINYINT).
    static func sum(_ a: Value, _ b: Value, type: ColumnType) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let total = x &+ y
            switch type {
            case .tinyint: return .int(Int64(Int8(truncatingIfNeeded: total)))
            case .smallint: return .int(Int64(Int16(truncatingIfNeeded: total)))
            case .int: return .int(Int64(Int32(truncatingIfNeeded: total)))
            default: return .int(total)
            }
        case (.largeint(let x), .largeint(let y)): return .largeint(x &+ y)
        case (.double(let x), .double(let y)):
            return type == .float ? .double(Double(Float(x + y))) : .double(x + y)
        case (.decimal(let x, let scale), .decimal(let y, _)): return .decimal(unscaled: x &+ y, scale: scale)
        case (.wideDecimal(let x, let scale), .wideDecimal(let y, _)): return .wideDecimal(unscaled: x &+ y, scale: scale)
        // SUM is refused on every other type when the table is created.
        default: return b
        }
    }
}
