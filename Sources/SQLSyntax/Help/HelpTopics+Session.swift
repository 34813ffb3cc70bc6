/// Help for session variables and passwords.
extension HelpTopics {
    static let sessionEntries: [HelpEntry] = [
        HelpEntry(
            name: "SET", aliases: ["SET NAMES", "SET GLOBAL", "SET SESSION", "SET VARIABLE"],
            syntax: """
                SET [GLOBAL | SESSION | LOCAL] var_name = value [, ...]
                SET @@[global. | session. | local.]var_name = value [, ...]
                SET NAMES {charset | DEFAULT} [COLLATE {collation | DEFAULT}]

                value: number | 'string' | ON | OFF | TRUE | FALSE | NULL | DEFAULT
                """,
            summary: """
                Changes a system variable for this connection, or with GLOBAL (ADMIN only) the \
                value every connection opened afterwards starts from; GLOBAL values last until \
                the process ends and are not saved. DEFAULT gives a session variable its global \
                value back. Integer variables (wait_timeout, interactive_timeout, \
                max_allowed_packet, ...) take integers only. SET NAMES accepts the UTF-8 \
                character sets (utf8mb4, utf8, utf8mb3) and sets character_set_client, \
                character_set_connection, character_set_results and collation_connection. \
                SHOW VARIABLES lists every variable.
                """,
            example: """
                SET NAMES utf8mb4;
                SET autocommit = 1, sql_mode = '';
                SET @@session.wait_timeout = 600;
                """),
        HelpEntry(
            name: "SHOW VARIABLES", aliases: ["SHOW GLOBAL VARIABLES", "SHOW SESSION VARIABLES"],
            syntax: """
                SHOW [GLOBAL | SESSION | LOCAL] VARIABLES
                    [LIKE 'pattern' | WHERE Variable_name = 'name']
                """,
            summary: """
                Lists system variables with their values, sorted by name: this connection's \
                values, or with GLOBAL the values new connections start from. LIKE matches \
                variable names (% any run, _ one character), regardless of case. Single \
                variables read as SELECT @@name (this connection) or SELECT @@global.name.
                """,
            example: "SHOW VARIABLES LIKE 'wait%';"),
        HelpEntry(
            name: "SET PASSWORD",
            syntax: """
                SET PASSWORD [FOR 'user'[@'host']] = {PASSWORD('password') | 'hash'}
                """,
            summary: """
                Sets the password of the current user, or of the named one (ADMIN only unless \
                it is yourself). PASSWORD('...') takes the password in clear; a bare string is \
                the hash MySQL stores, '*' and 40 hexadecimal digits (SHA1 of SHA1 of the \
                password). SnapDeck keeps only that hash, which mysql_native_password clients \
                authenticate against. An empty password removes it.
                """,
            example: """
                SET PASSWORD = PASSWORD('n3w-secret');
                SET PASSWORD FOR 'operator'@'%' = '*14E65567ABDB5135D0CFD9A70B3032C179A49EE7';
                """),
        HelpEntry(
            name: "ALTER USER",
            syntax: "ALTER USER [IF EXISTS] 'user'[@'host'] IDENTIFIED BY [PASSWORD] 'password'",
            summary: """
                Changes a user's password (ADMIN only unless it is yourself). IDENTIFIED BY \
                takes the password in clear; IDENTIFIED BY PASSWORD takes the hash MySQL \
                stores, '*' and 40 hexadecimal digits. Users whose password was set by an older \
                SnapDeck must get a new one this way (or with SET PASSWORD) before they can log \
                in over the MySQL protocol.
                """,
            example: "ALTER USER 'operator'@'%' IDENTIFIED BY 'n3w-secret';"),
    ]
}
