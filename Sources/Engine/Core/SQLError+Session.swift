/// The errors of session statements (SET, SET NAMES, SELECT @@x) and passwords, with MySQL's
/// codes, states and wording, which Doris uses too.
extension SQLError {
    public static func unknownSystemVariable(_ name: String) -> SQLError {
        SQLError(code: 1193, sqlState: "HY000", "Unknown system variable '\(name)'")
    }
    public static func unknownCharacterSet(_ name: String) -> SQLError {
        SQLError(code: 1115, sqlState: "42000", "Unknown character set: '\(name)'")
    }
    public static func unknownCollation(_ name: String) -> SQLError {
        SQLError(code: 1273, sqlState: "HY000", "Unknown collation: '\(name)'")
    }
    public static func collationMismatch(_ collation: String, characterSet: String) -> SQLError {
        SQLError(code: 1253, sqlState: "42000", "COLLATION '\(collation)' is not valid for CHARACTER SET '\(characterSet)'")
    }
    public static func wrongVariableValue(_ name: String, _ value: String) -> SQLError {
        SQLError(code: 1231, sqlState: "42000", "Variable '\(name)' can't be set to the value of '\(value)'")
    }
    public static func wrongVariableType(_ name: String) -> SQLError {
        SQLError(code: 1232, sqlState: "42000", "Incorrect argument type to variable '\(name)'")
    }
    public static func readOnlyVariable(_ name: String) -> SQLError {
        SQLError(code: 1238, sqlState: "HY000", "Variable '\(name)' is a read only variable")
    }
    public static func globalOnlyVariable(_ name: String) -> SQLError {
        SQLError(code: 1229, sqlState: "HY000", "Variable '\(name)' is a GLOBAL variable and should be set with SET GLOBAL")
    }
    public static func unknownTimeZone(_ name: String) -> SQLError {
        SQLError(code: 1298, sqlState: "HY000", "Unknown or incorrect time zone: '\(name)'")
    }
    /// A hash given as `IDENTIFIED BY PASSWORD '...'` or `SET PASSWORD = '...'` that is not
    /// `*` and 40 hexadecimal digits. The message never repeats the value: it is a secret.
    public static func passwordHashFormat() -> SQLError {
        SQLError(code: 1372, sqlState: "HY000", "Password hash should be a 41-digit hexadecimal number")
    }
}
