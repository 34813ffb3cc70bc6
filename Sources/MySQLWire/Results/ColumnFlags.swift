/// The flags of a column definition (`*_FLAG`).
public struct ColumnFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    public static let notNull = ColumnFlags(rawValue: 0x1)
    public static let primaryKey = ColumnFlags(rawValue: 0x2)
    public static let uniqueKey = ColumnFlags(rawValue: 0x4)
    public static let multipleKey = ColumnFlags(rawValue: 0x8)
    public static let blob = ColumnFlags(rawValue: 0x10)
    public static let unsigned = ColumnFlags(rawValue: 0x20)
    public static let zeroFill = ColumnFlags(rawValue: 0x40)
    /// With charset 63, tells clients to hand values back as bytes.
    public static let binary = ColumnFlags(rawValue: 0x80)
    public static let `enum` = ColumnFlags(rawValue: 0x100)
    public static let autoIncrement = ColumnFlags(rawValue: 0x200)
    public static let timestamp = ColumnFlags(rawValue: 0x400)
    public static let set = ColumnFlags(rawValue: 0x800)
    public static let noDefaultValue = ColumnFlags(rawValue: 0x1000)
    public static let onUpdateNow = ColumnFlags(rawValue: 0x2000)
    public static let partOfKey = ColumnFlags(rawValue: 0x4000)
    public static let numeric = ColumnFlags(rawValue: 0x8000)
}
