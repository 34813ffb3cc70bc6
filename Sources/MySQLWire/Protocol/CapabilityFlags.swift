/// The `CLIENT_*` capability bits the server offers in its handshake and the client answers with.
///
/// Act only on bits both sides set: a server negotiates with
/// `CapabilityFlags.snapDeckServer.intersection(clientFlags)`.
public struct CapabilityFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    public static let longPassword = CapabilityFlags(rawValue: 0x1)
    public static let foundRows = CapabilityFlags(rawValue: 0x2)
    public static let longFlag = CapabilityFlags(rawValue: 0x4)
    public static let connectWithDB = CapabilityFlags(rawValue: 0x8)
    public static let noSchema = CapabilityFlags(rawValue: 0x10)
    public static let compress = CapabilityFlags(rawValue: 0x20)
    public static let odbc = CapabilityFlags(rawValue: 0x40)
    public static let localFiles = CapabilityFlags(rawValue: 0x80)
    public static let ignoreSpace = CapabilityFlags(rawValue: 0x100)
    public static let protocol41 = CapabilityFlags(rawValue: 0x200)
    public static let interactive = CapabilityFlags(rawValue: 0x400)
    public static let ssl = CapabilityFlags(rawValue: 0x800)
    public static let ignoreSigpipe = CapabilityFlags(rawValue: 0x1000)
    public static let transactions = CapabilityFlags(rawValue: 0x2000)
    public static let reserved = CapabilityFlags(rawValue: 0x4000)
    public static let secureConnection = CapabilityFlags(rawValue: 0x8000)
    public static let multiStatements = CapabilityFlags(rawValue: 0x1_0000)
    public static let multiResults = CapabilityFlags(rawValue: 0x2_0000)
    public static let psMultiResults = CapabilityFlags(rawValue: 0x4_0000)
    public static let pluginAuth = CapabilityFlags(rawValue: 0x8_0000)
    public static let connectAttrs = CapabilityFlags(rawValue: 0x10_0000)
    public static let pluginAuthLenencClientData = CapabilityFlags(rawValue: 0x20_0000)
    public static let canHandleExpiredPasswords = CapabilityFlags(rawValue: 0x40_0000)
    public static let sessionTrack = CapabilityFlags(rawValue: 0x80_0000)
    public static let deprecateEOF = CapabilityFlags(rawValue: 0x100_0000)

    /// What an Apache Doris FE on master advertises: protocol 4.1 with secure connection,
    /// plugin auth, connect attributes, length-encoded auth data, local files, long flags,
    /// connect-with-db and DEPRECATE_EOF.
    public static let dorisMaster = CapabilityFlags(rawValue: 0x0138_828C)

    /// What SnapDeck's server advertises: Doris's set plus transactions, multi-statements and
    /// multi-results, so clients may send `a; b` and see every result. No SSL: SnapDeck offers no
    /// TLS, and a client told otherwise would start a TLS handshake.
    public static let snapDeckServer: CapabilityFlags = dorisMaster.union([.transactions, .multiStatements, .multiResults])
}
