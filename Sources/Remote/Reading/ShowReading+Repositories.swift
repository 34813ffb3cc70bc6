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
    /// lines (an info file without checksum) are not timestamps and are left out.
    public static func snapshots(repository: String, from result: RemoteResult) throws(SourceProblem) -> [SnapshotRow] {
        let table = ShowTable(result, statement: "SHOW SNAPSHOT ON \(repository)")
        try table.require([["Snapshot"], ["Timestamp"]])
        var order: [String] = []
        var byLabel: [String: SnapshotRow] = [:]
        for row in result.rows {
            guard let label = table.value(row, "Snapshot") else { continue }
            let timestamps = (table.value(row, "Timestamp") ?? "")
                .split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("Invalid:") && ShowValue.present($0) != nil }
            let status = table.value(row, "Status") ?? "OK"
            if var known = byLabel[label] {
                known.timestamps += timestamps.filter { !known.timestamps.contains($0) }
                // One good timestamp makes the label restorable, as Doris's own status says.
                if status.uppercased() == "OK" { known.status = status }
                byLabel[label] = known
            } else {
                order.append(label)
                byLabel[label] = SnapshotRow(
                    repository: repository, label: label, timestamps: timestamps, status: status,
                    database: table.value(row, "Database"))
            }
        }
        return order.compactMap { byLabel[$0] }
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
