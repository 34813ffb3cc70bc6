import Essentials

/// One entry of an `ON (...)` clause: a table, optionally some of its partitions and a new name.
public struct ObjectRef: Sendable, Hashable {
    public var table: String
    /// nil means the whole table.
    public var partitions: [String]?
    public var alias: String?

    public init(table: String, partitions: [String]?, alias: String? = nil) {
        self.table = table
        self.partitions = partitions
        self.alias = alias
    }

    /// `` `t` PARTITION (`p1`, `p2`) AS `a` ``
    public var sql: String {
        var text = Quoting.sqlIdentifier(table)
        if let partitions {
            text += " PARTITION (" + partitions.map(Quoting.sqlIdentifier).joined(separator: ", ") + ")"
        }
        if let alias { text += " AS " + Quoting.sqlIdentifier(alias) }
        return text
    }

    /// ` ON (...)` for a list of refs, nothing for an empty list.
    static func clause(_ refs: [ObjectRef]) -> String {
        refs.isEmpty ? "" : " ON (" + refs.map(\.sql).joined(separator: ", ") + ")"
    }
}
