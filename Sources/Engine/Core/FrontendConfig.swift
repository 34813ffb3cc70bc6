import Repository

/// One engine knob shown by `ADMIN SHOW FRONTEND CONFIG` and set by `ADMIN SET FRONTEND
/// CONFIG`. Values are stored as text in the catalog and survive restarts.
public struct ConfigKnob: Sendable {
    public enum Kind: String, Sendable {
        case int, bool, string
    }
    public var key: String
    public var defaultValue: String
    public var kind: Kind
    public var range: ClosedRange<Int64>?
    public var comment: String
    /// The values a string knob takes besides empty (compared without case), or nil for any.
    public var choices: [String]? = nil
}

/// The registry of knobs. Names follow Doris's `fe.conf` where Doris has the knob.
public enum FrontendConfig {
    public static let knobs: [ConfigKnob] = [
        ConfigKnob(
            key: "max_backup_restore_job_num_per_db", defaultValue: "10", kind: .int,
            range: 1...1000, comment: "finished backup/restore jobs kept in memory per database"),
        ConfigKnob(
            key: "backup_job_default_timeout_ms", defaultValue: "86400000", kind: .int,
            range: 1000...Int64.max, comment: "timeout of a backup or restore job without its own"),
        ConfigKnob(
            key: "history_job_keep_max_second", defaultValue: "604800", kind: .int,
            range: 0...Int64.max, comment: "how long finished jobs stay visible in SHOW BACKUP/RESTORE"),
        ConfigKnob(
            key: "backup_upload_snapshot_batch_size", defaultValue: "10", kind: .int,
            range: 1...10000, comment: "tablets per upload task"),
        ConfigKnob(
            key: "transfer_workers_per_backend", defaultValue: "2", kind: .int,
            range: 1...64, comment: "parallel file transfers per backend (Doris: upload_worker_count)"),
        ConfigKnob(
            key: "transfer_rate_limit_bytes_per_second", defaultValue: "0", kind: .int,
            range: 0...Int64.max, comment: "transfer bandwidth per backend in bytes per second, 0 = unlimited"),
        ConfigKnob(
            key: "s3_multipart_threshold_bytes", defaultValue: String(200 << 20), kind: .int,
            range: 1...Int64(5) << 30, comment: "files larger than this go to S3 as multipart uploads (rclone's cutoff)"),
        ConfigKnob(
            key: "s3_multipart_part_size_bytes", defaultValue: String(8 << 20), kind: .int,
            range: 1...Int64(5) << 30, comment: "part size of S3 multipart uploads (S3 wants 5 MiB or more)"),
        ConfigKnob(
            key: "s3_parts_in_flight", defaultValue: "4", kind: .int,
            range: 1...64, comment: "parts of one file uploaded to S3 at once"),
        ConfigKnob(
            key: "s3_list_page_size", defaultValue: "1000", kind: .int,
            range: 1...1000, comment: "keys per S3 listing request"),
        ConfigKnob(
            key: "s3_request_attempts", defaultValue: "4", kind: .int,
            range: 1...20, comment: "tries per S3 request on 5xx, 429 or network errors before the transfer fails"),
        ConfigKnob(
            key: "job_permanent_error_attempts", defaultValue: "5", kind: .int,
            range: 1...1000, comment: "failures in a row of one task with an error only an operator can cure (read-only or full repository, permission refused) before the job is cancelled"),
        ConfigKnob(
            key: "min_job_timeout_second", defaultValue: "600", kind: .int,
            range: 1...Int64.max, comment: "smallest \"timeout\" property a BACKUP or RESTORE accepts (Doris: 600)"),
        ConfigKnob(
            key: "fault_transfer_fail_percent", defaultValue: "0", kind: .int,
            range: 0...100, comment: "fault injection: share of file transfers that fail"),
        ConfigKnob(
            key: "fault_transfer_stall_ms", defaultValue: "0", kind: .int,
            range: 0...60000, comment: "fault injection: pause after every transferred chunk (1 MiB)"),
        ConfigKnob(
            key: "fault_pause_at_state", defaultValue: "", kind: .string,
            range: nil, comment: "fault injection: jobs stop advancing while in this state (e.g. UPLOADING)"),
        ConfigKnob(
            key: "fault_journal_write_fail", defaultValue: "", kind: .string,
            range: nil, comment: "fault injection: job journal writes of this state fail (e.g. UPLOADING; ALL: every write)"),
        ConfigKnob(
            key: "fault_backends_down", defaultValue: "", kind: .string,
            range: nil, comment: "fault injection: comma-separated backend ids taken down"),
        ConfigKnob(
            key: "fault_pause_drop_after", defaultValue: "", kind: .string,
            range: nil, comment: "fault injection: DROP SNAPSHOT and retention drops hold after this step (marker, infos or files) until the knob changes",
            choices: SnapshotDropStep.allCases.map(\.rawValue)),
        ConfigKnob(
            key: "max_bucket_num_per_partition", defaultValue: "768", kind: .int,
            range: 0...Int64(Int32.max), comment: "most buckets CREATE TABLE or ADD PARTITION may ask for, 0 = no limit (Doris's default)"),
        ConfigKnob(
            key: "load_max_rows_per_statement", defaultValue: "50000000", kind: .int,
            range: 1...Int64.max, comment: "largest INSERT or LOAD DATA accepted in one statement"),
        ConfigKnob(
            key: "load_buffer_bytes", defaultValue: String(64 << 20), kind: .int,
            range: 1...Int64(16) << 30, comment: "encoded rows a load holds in memory before writing its fullest segments"),
        ConfigKnob(
            key: "load_read_chunk_bytes", defaultValue: String(4 << 20), kind: .int,
            range: 1...Int64(1) << 30, comment: "bytes LOAD DATA reads from its file at a time"),
    ]

    public static func knob(_ key: String) -> ConfigKnob? { knobs.first { $0.key == key } }

    /// Checks a value for a knob; the error says what is accepted.
    static func validate(_ value: String, for knob: ConfigKnob) throws(SQLError) {
        switch knob.kind {
        case .int:
            guard let v = Int64(value) else {
                throw SQLError.general("Config '\(knob.key)' needs an integer, got '\(value)'")
            }
            if let range = knob.range, !range.contains(v) {
                throw SQLError.general(
                    "Config '\(knob.key)' must be between \(range.lowerBound) and \(range.upperBound), got \(v)")
            }
        case .bool:
            guard ["true", "false"].contains(value.lowercased()) else {
                throw SQLError.general("Config '\(knob.key)' needs true or false, got '\(value)'")
            }
        case .string:
            if let choices = knob.choices, !value.isEmpty, !choices.contains(value.lowercased()) {
                throw SQLError.general("Config '\(knob.key)' takes \(choices.joined(separator: ", ")) or '', got '\(value)'")
            }
        }
    }
}
