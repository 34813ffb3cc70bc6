import Catalog
import Foundation
import SQLSyntax
import Storage

/// INSERT and LOAD DATA.
struct LoadStatements: StatementFamily {
    let services: ClusterServices

    func insert(_ insert: Insert, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let (database, table) = try c.table(insert.table)
        try c.require(.load, on: database.name)
        let converter = try RowConverter(table: table, columns: insert.columns)
        try converter.checkRequiredColumns()
        let limit = configInt("load_max_rows_per_statement")
        if insert.rows.count > limit { throw SQLError.general("INSERT exceeds load_max_rows_per_statement (\(limit) rows)") }
        let loaded = try TableLoad.run(services, into: table, catalog: c.catalog) { load throws(SQLError) in
            for (n, literals) in insert.rows.enumerated() {
                guard literals.count == converter.targets.count else {
                    throw SQLError(code: 1136, sqlState: "21S01", "Column count doesn't match value count at row \(n + 1)")
                }
                var row = converter.emptyRow
                for (field, literal) in literals.enumerated() {
                    let type = table.columns[converter.targets[field]].type
                    let value: Value
                    do throws(ValueConversionError) {
                        value = try type.value(fromLiteral: literal)
                    } catch {
                        throw converter.conversionError(error, field: field, at: "at row \(n + 1)")
                    }
                    try converter.set(value, field: field, in: &row, at: "at row \(n + 1)")
                }
                try load.add(row, at: "at row \(n + 1)")
            }
        }
        return ResultSet(affectedRows: loaded)
    }

    /// LOAD DATA [LOCAL] INFILE: reads the file in chunks (`load_read_chunk_bytes`) and loads
    /// it through a `TableLoad`, so its size is bounded by the disk, not by memory. Only
    /// regular files are read (see `InputFile`).
    func loadData(_ load: LoadData, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let (database, table) = try c.table(load.table)
        try c.require(.load, on: database.name)
        let converter = try RowConverter(table: table, columns: load.columns)
        try converter.checkRequiredColumns()
        let file: InputFile
        do {
            file = try InputFile.open(load.path)
        } catch {
            switch error {
            case .unreadable(let reason):
                throw SQLError(code: 2, sqlState: "HY000", "File '\(load.path)' not found or unreadable: \(reason)")
            case .notRegular:
                throw SQLError(code: 2, sqlState: "HY000", "LOAD DATA reads regular files only: \(error)")
            }
        }
        let fileName = (load.path as NSString).lastPathComponent
        let input = CSVFileReader(
            file: file, separator: Array((load.columnSeparator ?? ",").utf8), skippingLines: load.ignoreLines,
            chunkSize: configInt("load_read_chunk_bytes"), maxRecordBytes: CSVFileReader.maxRecordBytes)
        let limit = configInt("load_max_rows_per_statement")
        let types = converter.targets.map { table.columns[$0].type }
        let loaded = try TableLoad.run(services, into: table, catalog: c.catalog) { rows throws(SQLError) in
            var fields: [CSVReader.Field] = []
            // Built only for an error: a string per row would cost more than the row.
            let position = { "at line \(input.line) of \(fileName)" }
            // One row array for the whole file: every record sets every supplied column, and
            // the others keep their defaults, so no row needs a fresh copy of the template.
            var row = converter.emptyRow
            while try next(input, into: &fields, fileName) {
                if fields.count < types.count {
                    throw SQLError(code: 1261, sqlState: "01000", "Row doesn't contain data for all columns: \(fields.count) of \(types.count) \(position())")
                }
                if fields.count > types.count {
                    throw SQLError(code: 1262, sqlState: "01000", "Row was truncated; it contained more data than there were input columns: \(fields.count) for \(types.count) \(position())")
                }
                if rows.rowCount == limit {
                    throw SQLError.general("LOAD DATA exceeds load_max_rows_per_statement (\(limit) rows)")
                }
                let window = input.window
                for i in 0..<types.count {
                    let value = try convertField(fields[i], window, types[i], converter, field: i, position)
                    try converter.set(value, field: i, in: &row, at: position())
                }
                try rows.add(row, at: position())
            }
        }
        return ResultSet(affectedRows: loaded, info: "Records: \(loaded)  Deleted: 0  Skipped: 0  Warnings: 0")
    }

    private func next(_ input: CSVFileReader, into fields: inout [CSVReader.Field], _ fileName: String) throws(SQLError) -> Bool {
        do {
            return try input.next(into: &fields)
        } catch let problem as CSVReader.Problem {
            throw SQLError.general(problem.message(file: fileName))
        } catch {
            throw SQLError.general("Load failed: \(error)")
        }
    }

    private func convertField(
        _ field: CSVReader.Field, _ buffer: UnsafeBufferPointer<UInt8>, _ type: ColumnType,
        _ converter: RowConverter, field index: Int, _ position: () -> String
    ) throws(SQLError) -> Value {
        do {
            if let unescaped = field.unescaped {
                return try unescaped.withUnsafeBufferPointer { b throws(ValueConversionError) in try type.value(fromUTF8: b) }
            }
            let slice = UnsafeBufferPointer(rebasing: buffer[field.range])
            if !field.quoted {
                // `\N` is NULL, as in MySQL and Doris loads; an empty field is NULL except for text.
                if slice.count == 2, slice[0] == 92, slice[1] == 78 { return .null }
                if slice.isEmpty, !type.isText { return .null }
            }
            return try type.value(fromUTF8: slice)
        } catch {
            throw converter.conversionError(error, field: index, at: position())
        }
    }

}

extension ColumnType {
    var isText: Bool {
        switch self {
        case .char, .varchar, .string: true
        default: false
        }
    }
}
