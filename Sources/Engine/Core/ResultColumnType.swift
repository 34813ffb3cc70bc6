/// The SQL type of one result column, so a MySQL-protocol server can describe it to clients
/// (each case maps to one MySQL column type byte, the server's business) and drivers hand out
/// numbers as numbers.
///
/// Cells stay text in `ResultSet.rows` whatever the type; the type says how to read them.
/// Every SHOW and every statement that does not say otherwise returns `.text` columns, as
/// Doris does.
public enum ResultColumnType: Sendable, Hashable {
    /// Only NULLs: a bare `NULL` literal (MySQL's NULL column type).
    case null
    /// BOOLEAN: cells `1` or `0` (a BOOLEAN table column; TRUE/FALSE literals; boolean variables).
    case boolean
    /// TINYINT, SMALLINT, INT: signed integers of 8, 16 and 32 bits.
    case tinyint, smallint, int
    /// BIGINT: a signed 64-bit integer (`COUNT(*)`, integer literals, integer variables,
    /// `CONNECTION_ID()`).
    case bigint
    /// LARGEINT: Doris's signed 128-bit integer (for integers beyond BIGINT).
    case largeint
    /// FLOAT and DOUBLE: binary floating point (and literals with an exponent, as `1e3`).
    case float, double
    /// DECIMAL(precision, scale): exact, `scale` digits after the point.
    case decimal(precision: Int, scale: Int)
    /// DATE: `YYYY-MM-DD`.
    case date
    /// DATETIME: `YYYY-MM-DD hh:mm:ss`.
    case datetime
    /// CHAR(length): fixed-length text.
    case char(length: Int)
    /// VARCHAR: text of at most `length` characters, or of no declared length (nil) for SHOW
    /// cells, string literals, text variables and functions.
    case varchar(length: Int?)
    /// STRING: Doris's unbounded text column.
    case string

    /// Text without a declared length: every SHOW column, the default of every result.
    public static let text = ResultColumnType.varchar(length: nil)
}
