extension ShowReading {
    /// Sorts a failed statement's error into what the operator can act on.
    ///
    /// `statement` names what was asked (`SHOW BACKUP FROM shop`) for the message; `flavor` is
    /// what the handshake told, so a syntax error from a server without BACKUP is read as such.
    public static func classify(
        _ error: RemoteError, statement: String? = nil, flavor: ServerFlavor = .unknown
    ) -> SourceProblem {
        let text = serverText(error.message)
        let asked = statement.map { " to \($0)" } ?? ""
        switch error.kind {
        case .cannotConnect, .lost, .timeout:
            if error.code == 1045 || isAccessDenied(text) {
                return SourceProblem(kind: .missingPrivilege, message: "The server refused the login: \(text)")
            }
            return SourceProblem(kind: .unreachable, message: "The server cannot be reached: \(error.description)")
        case .server:
            break
        }
        if isPrivilegeCode(error.code) || isAccessDenied(text) {
            return SourceProblem(
                kind: .missingPrivilege,
                message: "The user lacks a privilege\(asked): \(text) Grant it, or connect as a user who has it.")
        }
        if error.code == 1064, !flavor.hasBackupRestore || isMySQLSyntaxError(text) && mentionsBackupStatement(text) {
            let server = flavor == .unknown ? "This server" : "This \(flavor.rawValue) server"
            return SourceProblem(
                kind: .noBackupRestore,
                message: "\(server) has no BACKUP / RESTORE statements (it answered\(asked) with a syntax error). "
                    + "Connect to a Doris, StarRocks or SnapDeck FE.")
        }
        return SourceProblem(kind: .serverError, message: "The server answered\(asked) with an error: \(error.description)")
    }

    /// 1044 database, 1045 login, 1142 table, 1143 column, 1227 global privilege, 1698 login
    /// without password: MySQL's codes, used by Doris, StarRocks and SnapDeck alike.
    private static func isPrivilegeCode(_ code: UInt16) -> Bool {
        [1044, 1045, 1142, 1143, 1227, 1698].contains(code)
    }

    /// Doris wraps many privilege failures in a 1105 whose text still says so.
    private static func isAccessDenied(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("access denied") || lower.contains("command denied")
            || lower.contains("permission denied") && lower.contains("privilege")
    }

    /// MySQL and MariaDB's own 1064 wording; Doris and StarRocks word theirs differently.
    private static func isMySQLSyntaxError(_ text: String) -> Bool {
        text.contains("You have an error in your SQL syntax")
    }

    private static func mentionsBackupStatement(_ text: String) -> Bool {
        let upper = text.uppercased()
        return ["BACKUP", "RESTORE", "REPOSITOR", "SNAPSHOT"].contains { upper.contains($0) }
    }

    /// The server's text without Doris's `errCode = 2, detailMessage = ` wrapping.
    static func serverText(_ message: String) -> String {
        guard let range = message.range(of: "detailMessage = ") else { return message }
        return String(message[range.upperBound...])
    }
}
