import Console
import Foundation

extension ShowReading {
    /// `SHOW REPOSITORIES`: Doris's `RepoId, RepoName, CreateTime, IsReadOnly, Location, Broker,
    /// Type, ErrMsg`; StarRocks and Doris before `Type` lack that column, so the type is read from
    /// the location's scheme (`s3://` → S3) or `BROKER` when a broker is named.
    public static func repositories(from result: RemoteResult) throws(SourceProblem) -> [RepositoryRow] {
        let table = ShowTable(result, statement: "SHOW REPOSITORIES")
        try table.require([["RepoName"], ["Location"]])
        return result.rows.compactMap { row in
            guard let name = table.value(row, "RepoName") else { return nil }
            let location = table.value(row, "Location") ?? ""
            let broker = table.value(row, "Broker").flatMap { $0 == "-" ? nil : $0 }
            return RepositoryRow(
                repoId: table.int64(row, "RepoId") ?? 0, name: name, location: location,
                type: table.value(row, "Type") ?? inferredType(location: location, broker: broker),
                readOnly: table.value(row, "IsReadOnly")?.lowercased() == "true",
                createTime: table.value(row, "CreateTime") ?? "", errMsg: table.value(row, "ErrMsg"))
        }
    }

    private static func inferredType(location: String, broker: String?) -> String {
        if broker != nil { return "BROKER" }
        guard let scheme = location.range(of: "://").map({ location[..<$0.lowerBound].uppercased() }) else {
            return "LOCAL"
        }
        switch scheme {
        case "S3", "S3A", "S3N", "OSS", "COS", "COSN", "OBS", "GS", "AZBLOB": return "S3"
        case "HDFS", "OFS", "JFS", "VIEWFS": return "HDFS"
        case "FILE": return "LOCAL"
        default: return String(scheme)
        }
    }

    /// `SHOW SNAPSHOT ON repo`: one value per label. Doris writes all of a label's timestamps
    /// into one cell, one per line; a server may also send one row per timestamp. `Invalid: …`
    /// lines (an info file without checksum) are not timestamps and are left out. SnapDeck
    /// appends Type, BaseSnapshot, UploadedBytes, TotalBytes, Owner, TTL and ExpireTime, one
    /// line per timestamp like Timestamp; a server without them (Doris) leaves `lineage` empty.
    public static func snapshots(repository: String, from result: RemoteResult) throws(SourceProblem) -> [SnapshotRow] {
        let table = ShowTable(result, statement: "SHOW SNAPSHOT ON \(repository)")
        try table.require([["Snapshot"], ["Timestamp"]])
        var order: [String] = []
        var byLabel: [String: SnapshotRow] = [:]
        for row in result.rows {
            guard let label = table.value(row, "Snapshot") else { continue }
            let lines = lines(table.value(row, "Timestamp"))
            let lineage = self.lineage(table, row, count: lines.count)
            var timestamps: [String] = []
            var lineageByTimestamp: [String: SnapshotLineage] = [:]
            for (index, line) in lines.enumerated() where !line.isEmpty && !line.hasPrefix("Invalid:") && ShowValue.present(line) != nil {
                timestamps.append(line)
                if let info = lineage[index] { lineageByTimestamp[line] = info }
            }
            let status = table.value(row, "Status") ?? "OK"
            if var known = byLabel[label] {
                known.timestamps += timestamps.filter { !known.timestamps.contains($0) }
                known.lineage.merge(lineageByTimestamp) { old, _ in old }
                // One good timestamp makes the label restorable, as Doris's own status says.
                if status.uppercased() == "OK" { known.status = status }
                byLabel[label] = known
            } else {
                order.append(label)
                byLabel[label] = SnapshotRow(
                    repository: repository, label: label, timestamps: timestamps, status: status,
                    database: table.value(row, "Database"), lineage: lineageByTimestamp)
            }
        }
        return order.compactMap { byLabel[$0] }
    }

    /// A cell's lines, trimmed; empty lines kept so the n-th line of every column belongs to
    /// the n-th timestamp.
    private static func lines(_ cell: String?) -> [String] {
        guard let cell else { return [] }
        return cell.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// SnapDeck's appended columns, one lineage per line of the Timestamp cell; nil where the
    /// server has no such columns (no `Type`) or left the line empty.
    private static func lineage(_ table: ShowTable, _ row: [String?], count: Int) -> [SnapshotLineage?] {
        guard table.columnIndex("Type") != nil else { return Array(repeating: nil, count: count) }
        func column(_ name: String) -> [String?] {
            let values = lines(table.value(row, name))
            // A single value stands for every timestamp of the row.
            return (0..<count).map { index in
                let value = values.count == 1 ? values[0] : index < values.count ? values[index] : ""
                return ShowValue.present(value)
            }
        }
        let types = column("Type"), bases = column("BaseSnapshot"), uploaded = column("UploadedBytes"), total = column("TotalBytes")
        let owners = column("Owner"), ttls = column("TTL"), expiries = column("ExpireTime")
        return (0..<count).map { index in
            guard let type = types[index] else { return nil }
            return SnapshotLineage(type: type, baseLabel: bases[index], uploadedBytes: uploaded[index].flatMap { Int64($0) },
                                   totalBytes: total[index].flatMap { Int64($0) }, owner: owners[index], ttl: ttls[index],
                                   expires: expiries[index])
        }
    }

    /// The `Details` JSON of `SHOW SNAPSHOT ON repo WHERE SNAPSHOT = … AND TIMESTAMP = …` (the
    /// Doris "brief" that `SnapshotContents.parse` reads); nil when the server could not read the
    /// snapshot (Details NULL, the reason in Status — see `snapshotFailure`).
    public static func snapshotDetails(from result: RemoteResult) throws(SourceProblem) -> String? {
        let table = ShowTable(result, statement: "SHOW SNAPSHOT … WHERE TIMESTAMP")
        try table.require([["Details"]])
        return result.rows.first.flatMap { table.value($0, "Details") }
    }

    /// Why the detail form could not read the snapshot (`Failed to get info: …`), nil when it could.
    public static func snapshotFailure(from result: RemoteResult) -> String? {
        let table = ShowTable(result, statement: "SHOW SNAPSHOT … WHERE TIMESTAMP")
        guard let row = result.rows.first else { return "The repository has no such snapshot." }
        guard let status = table.value(row, "Status"), status.uppercased() != "OK" else { return nil }
        return status
    }

    /// `SHOW BACKENDS`: how many are alive (`Alive` is `true` / `false`) and how many there are.
    public static func backends(from result: RemoteResult) throws(SourceProblem) -> (alive: Int, total: Int) {
        let table = ShowTable(result, statement: "SHOW BACKENDS")
        try table.require([["Alive"]])
        let alive = result.rows.filter { table.value($0, "Alive")?.lowercased() == "true" }.count
        return (alive, result.rows.count)
    }
}
