/// Collation ids as sent in the handshake and in column definitions.
///
/// Text columns need a UTF-8 id: a client reading 63 together with the BINARY flag hands
/// values back as bytes (JDBC returns `byte[]`).
public enum CharacterSetID {
    /// `utf8_general_ci`: what Doris sends in its handshake and on every column.
    public static let utf8: UInt8 = 33
    /// `utf8mb4_general_ci`.
    public static let utf8mb4: UInt8 = 45
    /// `binary`: numbers, dates and byte strings.
    public static let binary: UInt8 = 63
}
