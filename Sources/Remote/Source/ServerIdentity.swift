/// What answers at the other end of a connection: asked once per connection, shown in the header,
/// and deciding which statements the dashboard sends (SnapDeck's `SHOW FULL`, none of BACKUP on
/// MariaDB).
struct ServerIdentity: Sendable, Hashable {
    var flavor: ServerFlavor
    /// e.g. `SnapDeck 0.1.0`, `Doris 2.1.7`, `MariaDB 10.11.19`.
    var displayName: String
    /// Whether the user holds ADMIN, from `SHOW GRANTS` (Doris, StarRocks and SnapDeck print
    /// `ADMIN_PRIV` / `Admin_priv` among the global privileges); nil when the server did not say.
    var isAdmin: Bool?

    /// Reads `@@version_comment`; a server that refuses it is judged by its handshake alone.
    static func ask(_ connection: any SQLConnection) throws(RemoteError) -> ServerIdentity {
        var comment: String?
        do {
            comment = try connection.query("SELECT @@version_comment").rows.first?.first ?? nil
        } catch where error.kind == .server {
            comment = nil
        }
        let flavor = ServerFlavor.detect(handshakeVersion: connection.serverVersion, versionComment: comment)
        var isAdmin: Bool?
        if flavor.hasBackupRestore {
            do {
                isAdmin = holdsAdmin(try connection.query("SHOW GRANTS"))
            } catch where error.kind == .server {
                isAdmin = nil
            }
        }
        return ServerIdentity(
            flavor: flavor, displayName: ServerFlavor.displayText(handshakeVersion: connection.serverVersion, versionComment: comment),
            isAdmin: isAdmin)
    }

    /// The current user's row of SHOW GRANTS names ADMIN among its global privileges (or, in
    /// Doris's newer form, as a role). Nil when the answer has no such column.
    static func holdsAdmin(_ grants: RemoteResult) -> Bool? {
        let columns = ["GlobalPrivs", "Roles"].compactMap(grants.columnIndex)
        guard !columns.isEmpty, let row = grants.rows.first else { return nil }
        return columns.contains { column in
            let text = (row[column] ?? "").lowercased()
            return text.contains("admin_priv") || text.split(whereSeparator: { $0 == "," || $0 == " " }).contains("admin")
        }
    }
}
