import Catalog
import Essentials
import SQLSyntax

/// Builds full table rows from the columns a statement supplies: converts each value to its
/// column's type, fills defaults for columns not given, and rejects NULL in NOT NULL columns.
struct RowConverter {
    let table: TableRecord
    /// For each supplied field, the table column it fills.
    let targets: [Int]
    private let template: [Value]
    private let missingRequired: String?

    init(table: TableRecord, columns: [String]?) throws(SQLError) {
        self.table = table
        if let columns {
            var targets: [Int] = []
            for name in columns {
                guard let i = table.columnIndex(named: name) else { throw SQLError.unknownColumn(name) }
                guard !targets.contains(i) else {
                    throw SQLError(code: 1110, sqlState: "42000", "Column '\(name)' specified twice")
                }
                targets.append(i)
            }
            self.targets = targets
        } else {
            targets = Array(table.columns.indices)
        }
        var template: [Value] = []
        var missing: String?
        for (i, column) in table.columns.enumerated() {
            // A read: CREATE TABLE already refused defaults that do not parse as their type.
            if let text = column.defaultValue, let v = try? column.type.value(fromText: Substring(text)) {
                template.append(v)
            } else {
                template.append(.null)
                if !column.nullable, !targets.contains(i), missing == nil { missing = column.name }
            }
        }
        self.template = template
        missingRequired = missing
    }

    /// Fails when a NOT NULL column without a default is not supplied.
    func checkRequiredColumns() throws(SQLError) {
        if let missing = missingRequired {
            throw SQLError(code: 1364, sqlState: "HY000", "Field '\(missing)' doesn't have a default value")
        }
    }

    var emptyRow: [Value] { template }

    /// Stores `value` into `row` for supplied field `field`, enforcing NOT NULL.
    func set(_ value: Value, field: Int, in row: inout [Value], at position: @autoclosure () -> String) throws(SQLError) {
        let index = targets[field]
        let column = table.columns[index]
        if value.isNull && !column.nullable {
            throw SQLError(code: 1048, sqlState: "23000", "Column '\(column.name)' cannot be null \(position())")
        }
        row[index] = value
    }

    /// The SQL error for a value that does not fit its column.
    func conversionError(_ error: ValueConversionError, field: Int, at position: String) -> SQLError {
        let column = table.columns[targets[field]]
        let shown = NameRules.printable(String(error.text.prefix(64)))
        switch error.reason {
        case .tooLong(let limit):
            return SQLError(code: 1406, sqlState: "22001", "Data too long for column '\(column.name)' (\(limit) bytes) \(position)")
        case .outOfRange:
            return SQLError(code: 1264, sqlState: "22003", "Out of range value '\(shown)' for column '\(column.name)' of type \(column.type.sqlName) \(position)")
        case .invalid:
            return SQLError(code: 1366, sqlState: "HY000", "Incorrect \(column.type.sqlName) value: '\(shown)' for column '\(column.name)' \(position)")
        }
    }
}
