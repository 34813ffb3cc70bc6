/// The `SERVER_STATUS_*` bits carried by OK and EOF packets and the handshake.
///
/// `moreResultsExist` on a result's terminator tells the client another result of the same
/// statement follows.
public struct ServerStatus: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    public static let inTransaction = ServerStatus(rawValue: 0x1)
    public static let autocommit = ServerStatus(rawValue: 0x2)
    public static let moreResultsExist = ServerStatus(rawValue: 0x8)
    public static let noGoodIndexUsed = ServerStatus(rawValue: 0x10)
    public static let noIndexUsed = ServerStatus(rawValue: 0x20)
    public static let cursorExists = ServerStatus(rawValue: 0x40)
    public static let lastRowSent = ServerStatus(rawValue: 0x80)
    public static let databaseDropped = ServerStatus(rawValue: 0x100)
    public static let noBackslashEscapes = ServerStatus(rawValue: 0x200)
    public static let metadataChanged = ServerStatus(rawValue: 0x400)
    public static let queryWasSlow = ServerStatus(rawValue: 0x800)
    public static let psOutParams = ServerStatus(rawValue: 0x1000)
    public static let inTransactionReadOnly = ServerStatus(rawValue: 0x2000)
    public static let sessionStateChanged = ServerStatus(rawValue: 0x4000)
}
