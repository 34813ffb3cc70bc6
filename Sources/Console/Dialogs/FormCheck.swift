/// The verdict on a dialog's current values: what is wrong (blocks Run), what deserves a warning,
/// plain notes, and the exact SQL Run would execute.
///
/// `sql` may carry secrets (an S3 secret key): draw `displaySQL`, never `sql`.
public struct FormCheck: Sendable, Hashable {
    public var errors: [String] = []
    public var warnings: [String] = []
    public var notes: [String] = []
    public var sql: String = ""

    public init(errors: [String] = [], warnings: [String] = [], notes: [String] = [], sql: String = "") {
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
        self.sql = sql
    }

    public var isValid: Bool { errors.isEmpty }

    /// `sql` with its secret values as `******`.
    public var displaySQL: String { SQLText.maskingSecrets(sql) }
}
