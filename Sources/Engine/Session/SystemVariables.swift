import Foundation

/// Every system variable SnapDeck knows, with its built-in default: the one table that new
/// sessions and the global values start from.
///
/// The defaults mirror Doris's newest SessionVariable and GlobalVariable, which are what MySQL
/// clients read right after connecting (Connector/J's opening query, the mysql client's
/// `SELECT @@version_comment`, `SHOW VARIABLES`). SnapDeck keeps most of them only so that
/// clients find them; `wait_timeout`, `interactive_timeout` and `max_allowed_packet` govern the
/// MySQL-protocol server, `sql_select_limit` caps SELECT results.
enum SystemVariables {
    /// What `@@version` and the handshake report: Doris's MySQL version (`.99` keeps
    /// vulnerability scanners from matching a real MySQL release).
    static let mysqlVersion = "5.7.99"

    /// `@@version_comment`: clients (and SnapDeck's own remote console) tell the server apart
    /// from Doris and StarRocks by it, so it starts with the word SnapDeck.
    static let versionComment = "SnapDeck \(SnapDeckVersion.current) (Doris-compatible)"

    /// The zone this machine's clock is in, as Doris sets `time_zone` and `system_time_zone`.
    static let systemTimeZone = TimeZone.current.identifier

    private static let seconds: ClosedRange<Int64> = 1...31_536_000

    static let all: [SystemVariable] = [
        SystemVariable("auto_increment_increment", "1", .sessionAndGlobal, .integer(1...65535)),
        SystemVariable("autocommit", "true", .sessionAndGlobal, .boolean(asBigint: true)),
        SystemVariable("character_set_client", "utf8mb4", .sessionAndGlobal, .characterSet(nullable: false)),
        SystemVariable("character_set_connection", "utf8mb4", .sessionAndGlobal, .characterSet(nullable: false)),
        SystemVariable("character_set_results", "utf8mb4", .sessionAndGlobal, .characterSet(nullable: true)),
        SystemVariable("character_set_server", "utf8mb4", .sessionAndGlobal, .characterSet(nullable: false)),
        SystemVariable("collation_connection", "utf8mb4_0900_bin", .sessionAndGlobal, .collation),
        SystemVariable("collation_database", "utf8mb4_0900_bin", .sessionAndGlobal, .collation),
        SystemVariable("collation_server", "utf8mb4_0900_bin", .sessionAndGlobal, .collation),
        SystemVariable("event_scheduler", "OFF"),
        SystemVariable("have_query_cache", "false", .readOnly, .boolean(asBigint: false)),
        SystemVariable("init_connect", "", .globalOnly),
        SystemVariable("interactive_timeout", "3600", .sessionAndGlobal, .integer(seconds)),
        SystemVariable("language", "/snapdeck/share/english/", .readOnly),
        SystemVariable("license", "Apache License, Version 2.0", .readOnly),
        SystemVariable("lower_case_table_names", "0", .readOnly, .integer(0...2)),
        // 64 MiB, MySQL 8's default rather than Doris's 16 MiB: a statement of a few megabytes of
        // INSERT values must fit, and the limit is per payload, not per 16 MiB packet.
        SystemVariable("max_allowed_packet", "67108864", .sessionAndGlobal, .integer(1024...1_073_741_824)),
        SystemVariable("net_buffer_length", "16384", .readOnly, .integer(1024...1_048_576)),
        SystemVariable("net_read_timeout", "600", .sessionAndGlobal, .integer(seconds)),
        SystemVariable("net_write_timeout", "600", .sessionAndGlobal, .integer(seconds)),
        SystemVariable("performance_schema", "OFF", .readOnly),
        SystemVariable("query_cache_size", "1048576", .globalOnly, .integer(0...Int64.max)),
        SystemVariable("query_cache_type", "0", .sessionAndGlobal, .integer(0...2)),
        SystemVariable("sql_auto_is_null", "false", .sessionAndGlobal, .boolean(asBigint: false)),
        // Doris's default mode shows as the empty list.
        SystemVariable("sql_mode", "", .sessionAndGlobal, .sqlMode),
        SystemVariable("sql_safe_updates", "0", .sessionAndGlobal, .integer(0...1)),
        SystemVariable("sql_select_limit", String(Int64.max), .sessionAndGlobal, .integer(0...Int64.max)),
        SystemVariable("system_time_zone", systemTimeZone, .readOnly),
        SystemVariable("time_zone", systemTimeZone, .sessionAndGlobal, .timeZone),
        SystemVariable("transaction_isolation", "REPEATABLE-READ", .sessionAndGlobal, .isolationLevel),
        SystemVariable("transaction_read_only", "false", .sessionAndGlobal, .boolean(asBigint: false)),
        SystemVariable("tx_isolation", "REPEATABLE-READ", .sessionAndGlobal, .isolationLevel),
        SystemVariable("tx_read_only", "false", .sessionAndGlobal, .boolean(asBigint: false)),
        SystemVariable("version", mysqlVersion, .readOnly),
        SystemVariable("version_comment", versionComment, .readOnly),
        SystemVariable("wait_timeout", "28800", .sessionAndGlobal, .integer(seconds)),
    ]

    private static let byName: [String: SystemVariable] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The variable of that name, in any case.
    static func named(_ name: String) -> SystemVariable? {
        byName[name.lowercased()]
    }

    /// The variable of that name, or ERR 1193.
    static func require(_ name: String) throws(SQLError) -> SystemVariable {
        guard let variable = named(name) else { throw SQLError.unknownSystemVariable(name) }
        return variable
    }

    /// Pairs that are one setting under two names (MySQL 5.7 and 8.0 spellings): setting one
    /// sets the other.
    static func aliases(of name: String) -> [String] {
        switch name {
        case "transaction_isolation": return ["tx_isolation"]
        case "tx_isolation": return ["transaction_isolation"]
        case "transaction_read_only": return ["tx_read_only"]
        case "tx_read_only": return ["transaction_read_only"]
        default: return []
        }
    }

    /// The built-in value of every variable, by name.
    static var builtInValues: [String: String?] {
        Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0.defaultValue) })
    }
}
