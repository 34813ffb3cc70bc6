import Catalog
import Essentials
import SQLSyntax

/// Expands `FROM (...) TO (...) INTERVAL n [unit]` into single range partitions, with the
/// names, bounds, limits and errors of Doris's multi partition: `p_20260102` (DAY),
/// `p_2026010210` (HOUR), `p_2026_01` (WEEK, Monday weeks, week 1 holds January 1st),
/// `p_202601` (MONTH), `p_2026` (YEAR), `p_1_11` (numbers: from and to of each partition).
/// After the first partition, WEEK, MONTH and YEAR partitions start on a Monday, a 1st or a
/// January 1st; every partition but DAY ones ends at TO at the latest (Doris lets the last DAY
/// partition run past TO).
struct BatchPartitions {
    let table: TableRecord

    /// Doris's `max_multi_partition_num` and `multi_partition_name_prefix` defaults.
    static let maxPartitions = 4096
    static let prefix = "p_"

    static let units = ["HOUR", "DAY", "WEEK", "MONTH", "YEAR"]
    /// Units Doris knows in intervals but cannot batch-partition by.
    static let otherUnits = ["SECOND", "MINUTE", "QUARTER"]

    /// Every definition, batches replaced by the partitions they stand for.
    func expand(_ definitions: [PartitionDefinition]) throws(SQLError) -> [PartitionDefinition] {
        var result: [PartitionDefinition] = []
        for definition in definitions {
            guard case .batch(let batch) = definition.values else {
                result.append(definition)
                continue
            }
            result += try partitions(batch).map { name, lower, upper in
                PartitionDefinition(name: name, values: .fixedRange(lower: [.string(lower)], upper: [.string(upper)]))
            }
        }
        return result
    }

    /// (name, lower bound text, upper bound text) of each partition of `batch`.
    func partitions(_ batch: BatchRange) throws(SQLError) -> [(String, String, String)] {
        guard batch.interval > 0 else { throw SQLError.general("Multi partition time interval must be larger than zero.") }
        var unit: String?
        if let written = batch.unit?.uppercased() {
            guard Self.units.contains(written) || Self.otherUnits.contains(written) else {
                throw SQLError.general("Multi build partition got an unknown time interval type: \(batch.unit ?? "")")
            }
            guard Self.units.contains(written) else {
                throw SQLError.general("Multi build partition does not support time interval type: \(written)")
            }
            unit = written
        }
        guard batch.from.count == 1, batch.to.count == 1 else {
            throw SQLError.general(
                "partition column number in multi partition clause must be one but start column size is \(batch.from.count), end column size is \(batch.to.count).")
        }
        let from = Self.text(batch.from[0]), to = Self.text(batch.to[0])
        guard let unit else { return try numberPartitions(from: from, to: to, interval: batch.interval) }
        guard let start = BatchTime.seconds(from, unit: unit), let end = BatchTime.seconds(to, unit: unit) else {
            throw SQLError.general("Multi build partition start or end time style is illegal.")
        }
        guard start < end else { throw SQLError.general("Multi build partition start time should less than end time.") }
        let withTime = unit == "HOUR" || BatchTime.isDateTime(from)
        var result: [(String, String, String)] = []
        var current = start
        while current < end {
            let lower = current
            let name = Self.prefix + BatchTime.name(of: current, unit: unit)
            current = BatchTime.next(after: current, unit: unit, interval: batch.interval)
            if unit != "DAY", current > end { current = end }
            result.append((name, BatchTime.format(lower, withTime: withTime), BatchTime.format(current, withTime: withTime)))
            try checkCount(result.count)
        }
        return result
    }

    private func numberPartitions(from: String, to: String, interval: Int64) throws(SQLError) -> [(String, String, String)] {
        guard let begin = Int64(from), let end = Int64(to) else {
            throw SQLError.general("Batch build partition INTERVAL is number type but From or TO does not type match.")
        }
        guard begin < end else { throw SQLError.general("Multi build partition start number should less than end number.") }
        var result: [(String, String, String)] = []
        var current = begin
        while current < end {
            let lower = current
            let (sum, overflow) = current.addingReportingOverflow(interval)
            current = overflow ? end : min(sum, end)
            result.append(("\(Self.prefix)\(lower)_\(current)", String(lower), String(current)))
            try checkCount(result.count)
        }
        return result
    }

    private func checkCount(_ count: Int) throws(SQLError) {
        guard count <= Self.maxPartitions else {
            throw SQLError.general("The number of Multi partitions too much, should not exceed:\(Self.maxPartitions)")
        }
    }

    private static func text(_ literal: Literal) -> String {
        switch literal {
        case .string(let s), .number(let s): s
        case .boolean(let b): b ? "1" : "0"
        case .null: "NULL"
        case .maxValue: "MAXVALUE"
        }
    }
}
