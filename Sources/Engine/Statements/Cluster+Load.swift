import Catalog
import Foundation
import SQLSyntax
import Storage

extension Cluster {
    func insert(_ insert: Insert, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let (database, table) = try c.table(insert.table)
        try c.require(.load, on: database.name)
        let converter = try RowConverter(table: table, columns: insert.columns)
        try converter.checkRequiredColumns()
        try checkLoadSize(insert.rows.count)
        var router = RowRouter(table: table, catalog: c.catalog)
        for (n, literals) in insert.rows.enumerated() {
            let position = "at row \(n + 1)"
            guard literals.count == converter.targets.count else {
                throw SQLError(code: 1136, sqlState: "21S01", "Column count doesn't match value count at row \(n + 1)")
            }
            var row = converter.emptyRow
            for (field, literal) in literals.enumerated() {
                let type = table.columns[converter.targets[field]].type
                let value: Value
                do {
                    value = try type.value(fromLiteral: literal)
                } catch {
                    throw converter.conversionError(error, field: field, at: position)
                }
                try converter.set(value, field: field, in: &row, at: position)
            }
            try route(row, into: &router, at: position)
        }
        let loaded = try commitLoad(router, table: table)
        return ResultSet(affectedRows: loaded)
    }

    /// LOAD DATA [LOCAL] INFILE: reads the file in chunks (`load_read_chunk_bytes`), so the
    /// file is never held whole in memory. Only regular files are read (see `InputFile`).
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
        var router = RowRouter(table: table, catalog: c.catalog)
        let limit = configInt("load_max_rows_per_statement")
        let types = converter.targets.map { table.columns[$0].type }
        var fields: [CSVReader.Field] = []
        while try next(input, into: &fields, fileName) {
            let position = "at line \(input.line) of \(fileName)"
            if fields.count < types.count {
                throw SQLError(code: 1261, sqlState: "01000", "Row doesn't contain data for all columns: \(fields.count) of \(types.count) \(position)")
            }
            if fields.count > types.count {
                throw SQLError(code: 1262, sqlState: "01000", "Row was truncated; it contained more data than there were input columns: \(fields.count) for \(types.count) \(position)")
            }
            var row = converter.emptyRow
            let window = input.window
            for i in 0..<types.count {
                let value = try convertField(fields[i], window, types[i], converter, field: i, position)
                try converter.set(value, field: i, in: &row, at: position)
            }
            try route(row, into: &router, at: position)
            if router.rowCount > limit {
                throw SQLError.general("LOAD DATA exceeds load_max_rows_per_statement (\(limit) rows)")
            }
        }
        let loaded = try commitLoad(router, table: table)
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
        _ converter: RowConverter, field index: Int, _ position: String
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
            throw converter.conversionError(error, field: index, at: position)
        }
    }

    private func route(_ row: [Value], into router: inout RowRouter, at position: String) throws(SQLError) {
        do {
            try router.add(row)
        } catch {
            let shown = error.key.map { $0.displayText ?? "NULL" }.joined(separator: ", ")
            throw SQLError(code: 1526, sqlState: "HY000", "Table has no partition for value \(shown) \(position)")
        }
    }

    private func checkLoadSize(_ rows: Int) throws(SQLError) {
        let limit = configInt("load_max_rows_per_statement")
        if rows > limit { throw SQLError.general("INSERT exceeds load_max_rows_per_statement (\(limit) rows)") }
    }

    /// Writes the routed rows as one new version of every touched tablet, all or nothing:
    /// files are listed as garbage before they are written and taken off the list in the same
    /// catalog transaction that publishes them.
    func commitLoad(_ router: RowRouter, table: TableRecord) throws(SQLError) -> Int {
        guard router.rowCount > 0 else { return 0 }
        let catalog = self.catalog
        let builders = router.segments.sorted { $0.key < $1.key }
        let rowsetIds = try write { tx in try tx.nextIds(builders.count) }
        var pending: [PendingSegment] = []
        for ((tabletId, builder), rowsetId) in zip(builders, rowsetIds) {
            var builder = builder
            let backends = catalog.replicas(of: tabletId).map(\.backendId)
            if let down = backends.first(where: { catalog.backends[$0]?.alive != true }) {
                throw SQLError.general("Load failed: backend \(down) holding a replica of tablet \(tabletId) is down")
            }
            pending.append(PendingSegment(
                tabletId: tabletId, rowsetId: rowsetId, rowCount: builder.rowCount, bytes: builder.finish(),
                backends: backends))
        }
        let writer = SegmentWriter(layout: layout)
        let paths = writer.paths(of: pending)
        do {
            try store.addGarbage(paths)
        } catch {
            throw SQLError.general("catalog write failed: \(error)")
        }
        let written: [WrittenSegment]
        do {
            written = try writer.write(pending)
        } catch {
            removeGarbageNow()
            throw SQLError.general("Load failed: \(error)")
        }
        let now = Clock.nowSeconds()
        do {
            try write { tx in
                var partitions: [ObjectID: PartitionRecord] = [:]
                for segment in written {
                    guard let tablet = tx.state.tablets[segment.tabletId],
                        let partition = partitions[tablet.partitionId] ?? tx.state.partitions[tablet.partitionId]
                    else { throw SQLError.general("Load failed: table \(table.name) changed during the load") }
                    partitions[partition.id] = partition
                    try tx.save(RowsetRecord(
                        id: segment.rowsetId, tabletId: segment.tabletId, version: partition.visibleVersion + 1,
                        rowCount: segment.rowCount, size: segment.size, md5: segment.md5, crc32c: segment.crc32c,
                        createdAt: now))
                }
                for var partition in partitions.values {
                    partition.visibleVersion += 1
                    partition.visibleVersionTime = now
                    try tx.save(partition)
                }
                for p in paths { try tx.removeGarbage(p) }
            }
        } catch {
            removeGarbageNow()
            throw error
        }
        logger.info("loaded \(router.rowCount) rows into \(table.name): \(written.count) segments")
        return router.rowCount
    }

    func configInt(_ key: String) -> Int {
        Int(catalog.config[key] ?? FrontendConfig.knob(key)?.defaultValue ?? "") ?? 0
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
