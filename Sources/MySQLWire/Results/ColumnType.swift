/// A column's MySQL type code (`MYSQL_TYPE_*`), as sent in a column definition.
///
/// A struct rather than an enum so that a definition with a code this module does not name
/// (a newer server's type) still decodes; compare against the named constants.
public struct ColumnType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let decimal = ColumnType(rawValue: 0)
    public static let tiny = ColumnType(rawValue: 1)
    public static let short = ColumnType(rawValue: 2)
    public static let long = ColumnType(rawValue: 3)
    public static let float = ColumnType(rawValue: 4)
    public static let double = ColumnType(rawValue: 5)
    public static let null = ColumnType(rawValue: 6)
    public static let timestamp = ColumnType(rawValue: 7)
    public static let longLong = ColumnType(rawValue: 8)
    public static let int24 = ColumnType(rawValue: 9)
    public static let date = ColumnType(rawValue: 10)
    public static let time = ColumnType(rawValue: 11)
    public static let dateTime = ColumnType(rawValue: 12)
    public static let year = ColumnType(rawValue: 13)
    public static let newDate = ColumnType(rawValue: 14)
    public static let varChar = ColumnType(rawValue: 15)
    public static let bit = ColumnType(rawValue: 16)
    public static let json = ColumnType(rawValue: 245)
    public static let newDecimal = ColumnType(rawValue: 246)
    public static let `enum` = ColumnType(rawValue: 247)
    public static let set = ColumnType(rawValue: 248)
    public static let tinyBlob = ColumnType(rawValue: 249)
    public static let mediumBlob = ColumnType(rawValue: 250)
    public static let longBlob = ColumnType(rawValue: 251)
    public static let blob = ColumnType(rawValue: 252)
    public static let varString = ColumnType(rawValue: 253)
    public static let string = ColumnType(rawValue: 254)
    public static let geometry = ColumnType(rawValue: 255)

    private static let names: [UInt8: String] = [
        0: "DECIMAL", 1: "TINY", 2: "SHORT", 3: "LONG", 4: "FLOAT", 5: "DOUBLE", 6: "NULL",
        7: "TIMESTAMP", 8: "LONGLONG", 9: "INT24", 10: "DATE", 11: "TIME", 12: "DATETIME",
        13: "YEAR", 14: "NEWDATE", 15: "VARCHAR", 16: "BIT", 245: "JSON", 246: "NEWDECIMAL",
        247: "ENUM", 248: "SET", 249: "TINY_BLOB", 250: "MEDIUM_BLOB", 251: "LONG_BLOB",
        252: "BLOB", 253: "VAR_STRING", 254: "STRING", 255: "GEOMETRY",
    ]

    /// The `MYSQL_TYPE_` suffix, or the code for one this module does not name.
    public var description: String {
        Self.names[rawValue] ?? "type \(rawValue)"
    }
}
