/// One snapshot label in a repository (`SHOW SNAPSHOT ON repo`), with what has been learnt about it.
///
/// A label normally has one timestamp; Doris allows several. `details` is the JSON of
/// `SHOW SNAPSHOT ... WHERE SNAPSHOT = ... AND TIMESTAMP = ...` (the Doris "brief") or an `__info`
/// document, whichever the app loaded; the dashboard reads both shapes. `check` holds the rows of
/// `ADMIN CHECK SNAPSHOT` once one ran. `lineage` holds, per timestamp, what SnapDeck recorded
/// about it (type, base, bytes, owner, retention); a Doris server's rows have none.
public struct SnapshotRow: Sendable, Hashable {
    public var repository: String
    public var label: String
    public var timestamps: [String]
    /// `OK` or Doris's `ERROR: ...` text.
    public var status: String
    public var database: String?
    public var details: String?
    public var check: [CheckRow]?
    public var lineage: [String: SnapshotLineage]

    public init(
        repository: String, label: String, timestamps: [String], status: String = "OK", database: String? = nil,
        details: String? = nil, check: [CheckRow]? = nil, lineage: [String: SnapshotLineage] = [:]
    ) {
        self.repository = repository
        self.label = label
        self.timestamps = timestamps
        self.status = status
        self.database = database
        self.details = details
        self.check = check
        self.lineage = lineage
    }

    /// The newest timestamp (they sort as text), the one a restore uses by default.
    public var latestTimestamp: String? { timestamps.max() }
}

/// One row of `ADMIN CHECK SNAPSHOT`: a file (nil for the summary row), `OK` or a problem word, and detail.
public struct CheckRow: Sendable, Hashable {
    public var file: String?
    public var status: String
    public var detail: String

    public init(file: String?, status: String, detail: String) {
        self.file = file
        self.status = status
        self.detail = detail
    }

    public var isOK: Bool { status.uppercased() == "OK" }
}
