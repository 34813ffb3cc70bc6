/// What answers at the other end of a connection: asked once per connection, shown in the header,
/// and deciding which statements the dashboard sends (SnapDeck's `SHOW FULL`, none of BACKUP on
/// MariaDB).
struct ServerIdentity: Sendable, Hashable {
    var flavor: ServerFlavor
    /// e.g. `SnapDeck 0.1.0`, `Doris 2.1.7`, `MariaDB 10.11.19`.
    var displayName: String

    /// Reads `@@version_comment`; a server that refuses it is judged by its handshake alone.
    static func ask(_ connection: any SQLConnection, counter: () -> Void) throws(RemoteError) -> ServerIdentity {
        counter()
        var comment: String?
        do {
            comment = try connection.query("SELECT @@version_comment").rows.first?.first ?? nil
        } catch where error.kind == .server {
            comment = nil
        }
        return ServerIdentity(
            flavor: ServerFlavor.detect(handshakeVersion: connection.serverVersion, versionComment: comment),
            displayName: ServerFlavor.displayText(handshakeVersion: connection.serverVersion, versionComment: comment))
    }
}
