/// What MySQL clients send right after connecting, word for word (reference/mysql-protocol.md
/// §5): every one must parse and succeed, whatever the cluster holds.
public enum ClientCorpus {
    /// The variables Connector/J 9.1.0 reads on connecting, each under its own name as label.
    public static let connectorJVariables = [
        "auto_increment_increment", "character_set_client", "character_set_connection", "character_set_results",
        "character_set_server", "collation_server", "collation_connection", "init_connect", "interactive_timeout",
        "license", "lower_case_table_names", "max_allowed_packet", "net_write_timeout", "performance_schema",
        "sql_mode", "system_time_zone", "time_zone", "transaction_isolation", "wait_timeout",
    ]

    /// Connector/J 9.1.0's opening query, comment and all.
    public static let connectorJOpening = "/* mysql-connector-j-9.1.0 (Revision: 5be1f4d4bc0a5ea5e2bd0f0fcef1e4bd8f6ae1a7) */"
        + "SELECT @@session.auto_increment_increment AS auto_increment_increment, @@character_set_client AS character_set_client, "
        + "@@character_set_connection AS character_set_connection, @@character_set_results AS character_set_results, "
        + "@@character_set_server AS character_set_server, @@collation_server AS collation_server, "
        + "@@collation_connection AS collation_connection, @@init_connect AS init_connect, "
        + "@@interactive_timeout AS interactive_timeout, @@license AS license, "
        + "@@lower_case_table_names AS lower_case_table_names, @@max_allowed_packet AS max_allowed_packet, "
        + "@@net_write_timeout AS net_write_timeout, @@performance_schema AS performance_schema, @@sql_mode AS sql_mode, "
        + "@@system_time_zone AS system_time_zone, @@time_zone AS time_zone, "
        + "@@transaction_isolation AS transaction_isolation, @@wait_timeout AS wait_timeout"

    public static let statements: [String] = [
        // The mysql client, interactive.
        "select @@version_comment limit 1",
        "SELECT DATABASE()",
        // PyMySQL.
        "SET NAMES utf8mb4",
        // mysql-connector-python.
        "SET NAMES 'utf8mb4' COLLATE 'utf8mb4_general_ci'",
        "SET @@session.autocommit = OFF",
        // Connector/J.
        connectorJOpening,
        "SET character_set_results = NULL",
        "SET autocommit=1",
        "SHOW VARIABLES LIKE 'wait%'",
    ]
}
