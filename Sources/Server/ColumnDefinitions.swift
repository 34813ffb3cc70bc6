import Engine
import MySQLWire

/// A result's columns as MySQL column definitions, with the type each driver converts by: a
/// pymysql cursor gets `int` for BIGINT, `Decimal` for DECIMAL, `datetime` for DATETIME and
/// `str` for text.
///
/// Text columns carry utf8 (33), as Doris sends them; numbers and dates carry binary (63) and
/// the BINARY flag, as MySQL sends them, which drivers read as numbers, not bytes.
enum ColumnDefinitions {
    static func of(_ result: ResultSet, schema: String = "", table: String = "") -> [ColumnDefinition41] {
        result.columns.enumerated().map { index, name in
            let type = index < result.columnTypes.count ? result.columnTypes[index] : .text
            return definition(name: name, type: type, schema: schema, table: table)
        }
    }

    static func definition(name: String, type: ResultColumnType, schema: String, table: String) -> ColumnDefinition41 {
        let binary = UInt16(CharacterSetID.binary)
        let numeric: ColumnFlags = [.binary]
        func make(_ wire: ColumnType, _ length: UInt32, charset: UInt16 = binary, flags: ColumnFlags = numeric, decimals: UInt8 = 0) -> ColumnDefinition41 {
            ColumnDefinition41(
                name: name, type: wire, columnLength: length, characterSet: charset, flags: flags, decimals: decimals,
                schema: schema, table: table, originalTable: table, originalName: table.isEmpty ? "" : name)
        }
        switch type {
        case .boolean, .tinyint: return make(.tiny, 4)
        case .smallint: return make(.short, 6)
        case .int: return make(.long, 11)
        case .bigint: return make(.longLong, 20)
        // LARGEINT has no MySQL type; Doris sends it as text of up to 39 digits.
        case .largeint: return make(.varString, 39 * 3, charset: UInt16(CharacterSetID.utf8), flags: [])
        case .float: return make(.float, 12, decimals: 31)
        case .double: return make(.double, 22, decimals: 31)
        case .decimal(let precision, let scale):
            return make(.newDecimal, UInt32(precision + 2), decimals: UInt8(clamping: scale))
        case .date: return make(.date, 10)
        case .datetime: return make(.dateTime, 19)
        case .null: return make(.null, 0)
        case .char(let length): return make(.string, UInt32(clamping: length * 3), charset: UInt16(CharacterSetID.utf8), flags: [])
        case .varchar(let length):
            // 3 bytes a character in utf8; the mysql client sizes its table by the data.
            return make(.varString, UInt32(clamping: (length ?? 65533) * 3), charset: UInt16(CharacterSetID.utf8), flags: [])
        case .string: return make(.blob, 1_048_576 * 3, charset: UInt16(CharacterSetID.utf8), flags: [.blob])
        }
    }
}
