import Catalog
import Essentials
import Foundation
import SQLSyntax
import Storage

/// Doris's dynamic partitioning, creation side: for a RANGE table on one DATE/DATETIME column
/// with `dynamic_partition.enable=true`, partitions from `start` (only with
/// `create_history_partition=true`) to `end` time units around today exist after every
/// CREATE, ALTER and open. Old partitions are never dropped automatically: losing data on a
/// schedule is a decision an operator makes, not the console.
struct DynamicPartitions {
    let services: ClusterServices

    struct Settings {
        var unit: String
        var start: Int
        var end: Int
        var prefix: String
        var buckets: Int?
    }

    func refresh(tableId: ObjectID) throws(SQLError) {
        let catalog = services.catalog
        guard let table = catalog.tables[tableId], table.property("dynamic_partition.enable")?.lowercased() == "true" else { return }
        let settings = try Self.settings(of: table, maxBuckets: services.configInt("max_bucket_num_per_partition"))
        guard let type = table.partitionColumns.first.flatMap({ table.column(named: $0)?.type }) else { return }
        let existing = catalog.allPartitions(of: table.id)
        let today = Int32(Clock.nowSeconds() / 86400)
        let first = table.property("dynamic_partition.create_history_partition")?.lowercased() == "true" ? settings.start : 0
        var missing: [(String, PartitionBound)] = []
        var known = existing.map { ($0.name, $0.bound) }
        for offset in first...max(first, settings.end) {
            let (lo, hi) = Self.period(containing: today, unit: settings.unit, offset: offset)
            let name = settings.prefix + Self.suffix(lo, unit: settings.unit)
            let lower: [BoundValue] = [.value(Self.value(lo, type))]
            let upper: [BoundValue] = [.value(Self.value(hi, type))]
            let overlaps = known.contains { _, bound in
                guard case .range(let l, let u) = bound else { return false }
                return RangeBounds.compare(lower, u) < 0 && RangeBounds.compare(l, upper) < 0
            }
            if overlaps || known.contains(where: { $0.0 == name }) { continue }
            known.append((name, .range(lower: lower, upper: upper)))
            missing.append((name, .range(lower: lower, upper: upper)))
        }
        guard !missing.isEmpty else { return }
        try services.write { tx in
            for (name, bound) in missing {
                try TableStatements(services: services).addPartition(name: name, bound: bound, buckets: settings.buckets ?? table.defaultBuckets, to: table, tx)
            }
        }
        services.logger.info("dynamic partitioning added \(missing.count) partitions to \(table.name)")
    }

    static func settings(of table: TableRecord, maxBuckets: Int) throws(SQLError) -> Settings {
        guard table.partitionKind == .range, table.partitionColumns.count == 1,
            let type = table.column(named: table.partitionColumns[0])?.type, type == .date || type == .datetime
        else {
            throw SQLError.general("Only support dynamic partition properties on range partition table with one DATE or DATETIME column")
        }
        let unit = (table.property("dynamic_partition.time_unit") ?? "DAY").uppercased()
        guard ["DAY", "WEEK", "MONTH", "YEAR"].contains(unit) else {
            throw SQLError.general("Unsupported time unit '\(unit)'. Expect DAY / WEEK / MONTH / YEAR.")
        }
        func int(_ key: String, _ fallback: Int) throws(SQLError) -> Int {
            guard let text = table.property("dynamic_partition.\(key)") else { return fallback }
            guard let v = Int(text) else { throw SQLError.general("Invalid dynamic_partition.\(key): \(text)") }
            return v
        }
        let start = try int("start", -2147483648)
        let end = try int("end", 0)
        guard end >= 0, end <= 500 else { throw SQLError.general("Dynamic partition end must be between 0 and 500") }
        guard start <= 0 else { throw SQLError.general("Dynamic partition start must be less than 0") }
        let buckets = try table.property("dynamic_partition.buckets").map { text throws(SQLError) in
            guard let n = Int(text) else { throw SQLError.general("Invalid dynamic_partition.buckets: \(text)") }
            return try TablePlanner.buckets(n, limit: maxBuckets)
        }
        return Settings(unit: unit, start: max(start, -500), end: end, prefix: table.property("dynamic_partition.prefix") ?? "p", buckets: buckets)
    }

    /// The [first day, first day of next period) of the period `offset` units from `day`.
    static func period(containing day: Int32, unit: String, offset: Int) -> (Int32, Int32) {
        let c = CivilTime.civil(days: day)
        switch unit {
        case "WEEK":
            let weekday = Int((Int(day) + 3) % 7)  // 0 = Monday; 1970-01-01 was a Thursday
            let monday = Int(day) - (weekday < 0 ? weekday + 7 : weekday) + offset * 7
            return (Int32(monday), Int32(monday + 7))
        case "MONTH":
            let index = c.year * 12 + (c.month - 1) + offset
            let lo = CivilTime.days(year: index / 12, month: index % 12 + 1, day: 1) ?? day
            let hi = CivilTime.days(year: (index + 1) / 12, month: (index + 1) % 12 + 1, day: 1) ?? day
            return (lo, hi)
        case "YEAR":
            let lo = CivilTime.days(year: c.year + offset, month: 1, day: 1) ?? day
            let hi = CivilTime.days(year: c.year + offset + 1, month: 1, day: 1) ?? day
            return (lo, hi)
        default:
            return (day + Int32(offset), day + Int32(offset) + 1)
        }
    }

    static func suffix(_ day: Int32, unit: String) -> String {
        let c = CivilTime.civil(days: day)
        switch unit {
        case "WEEK":
            let jan1 = CivilTime.days(year: c.year, month: 1, day: 1) ?? day
            return CivilTime.pad(c.year, 4) + "_" + CivilTime.pad(Int(day - jan1) / 7 + 1, 2)
        case "MONTH": return CivilTime.pad(c.year, 4) + CivilTime.pad(c.month, 2)
        case "YEAR": return CivilTime.pad(c.year, 4)
        default: return CivilTime.pad(c.year, 4) + CivilTime.pad(c.month, 2) + CivilTime.pad(c.day, 2)
        }
    }

    static func value(_ day: Int32, _ type: ColumnType) -> Value {
        type == .datetime ? .datetime(seconds: Int64(day) * 86400) : .date(days: day)
    }
}
