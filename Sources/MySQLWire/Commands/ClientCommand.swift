/// A decoded command-phase packet: what the client asks the server to do.
///
/// Commands SnapDeck does not interpret arrive as ``other(_:)`` with their command byte, so the
/// server can answer ERR 1047 for them.
public enum ClientCommand: Equatable, Sendable {
    /// `COM_QUERY`: SQL text, possibly several statements when multi-statements are on.
    case query(String)
    /// `COM_INIT_DB`: switch the default database.
    case initDB(String)
    /// `COM_FIELD_LIST`: the columns of `table` whose names match `wildcard` (may be empty).
    case fieldList(table: String, wildcard: String)
    /// `COM_PING`.
    case ping
    /// `COM_QUIT`.
    case quit
    /// `COM_SET_OPTION`: turn multi-statements on (option 0) or off (option 1).
    case setOption(multiStatementsOn: Bool)
    /// Any other command byte; its arguments are left in the payload.
    case other(UInt8)

    /// Decodes a command packet's payload.
    public static func decode(_ payload: [UInt8]) throws(WireError) -> ClientCommand {
        var reader = ByteReader(payload)
        let code = try reader.readInt1("command byte")
        switch Command(rawValue: code) {
        case .query:
            return .query(reader.readRestString())
        case .initDB:
            return .initDB(reader.readRestString())
        case .fieldList:
            let table = try reader.readNullTerminatedString("COM_FIELD_LIST table")
            return .fieldList(table: table, wildcard: reader.readRestString())
        case .ping:
            return .ping
        case .quit:
            return .quit
        case .setOption:
            let option = try reader.readInt2("COM_SET_OPTION option")
            try reader.expectEnd("COM_SET_OPTION")
            switch option {
            case 0: return .setOption(multiStatementsOn: true)
            case 1: return .setOption(multiStatementsOn: false)
            default: throw .malformed("COM_SET_OPTION option \(option)")
            }
        default:
            return .other(code)
        }
    }

    /// The payload a client sends for this command. ``other(_:)`` encodes as its bare byte.
    public func encode() -> [UInt8] {
        var writer = ByteWriter()
        switch self {
        case .query(let sql):
            writer.writeInt1(Command.query.rawValue)
            writer.writeRestString(sql)
        case .initDB(let database):
            writer.writeInt1(Command.initDB.rawValue)
            writer.writeRestString(database)
        case .fieldList(let table, let wildcard):
            writer.writeInt1(Command.fieldList.rawValue)
            writer.writeNullTerminatedString(table)
            writer.writeRestString(wildcard)
        case .ping:
            writer.writeInt1(Command.ping.rawValue)
        case .quit:
            writer.writeInt1(Command.quit.rawValue)
        case .setOption(let on):
            writer.writeInt1(Command.setOption.rawValue)
            writer.writeInt2(on ? 0 : 1)
        case .other(let code):
            writer.writeInt1(code)
        }
        return writer.bytes
    }
}
