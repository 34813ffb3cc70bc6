import Essentials

/// The Catalog tab's table at each level, and the Events tab's table.
extension AppState {
    /// The catalog node opened at the current drill depth (nil at the top).
    var catalogNode: CatalogNode? {
        var node: CatalogNode?
        for name in catalogBrowser.path {
            node = node == nil ? cluster.database(named: name) : node?.child(named: name)
            if node == nil { return nil }
        }
        return node
    }

    func catalogTable() -> TableModel {
        let nodes = catalogBrowser.depth == 0 ? cluster.catalog : catalogNode?.children ?? []
        let kind = nodes.first?.kind ?? CatalogNode.Kind(depth: catalogBrowser.depth)
        let rate = cluster.transferRate
        var columns = [ColumnSpec(title: kind == .tablet ? "TabletId" : kind.rawValue.capitalized, minWidth: 8, maxWidth: 30, priority: 0)]
        switch kind {
        case .database:
            columns += [spec("Tables", 6, 0), spec("Rows", 8, 1), spec("Size", 9, 0), spec("Files", 6, 2)]
        case .table:
            columns += [spec("Rows", 8, 1), spec("Size", 9, 0), spec("Replicas", 8, 3), spec("Partitions", 10, 2), spec("Tablets", 7, 4), spec("Files", 6, 2)]
        case .partition:
            columns += [spec("Version", 7, 1), spec("Tablets", 7, 2), spec("Rows", 8, 3), spec("Size", 9, 0), spec("Files", 6, 2),
                        ColumnSpec(title: "Range", minWidth: 10, maxWidth: 60, priority: 5, flex: true)]
        case .tablet:
            columns += [ColumnSpec(title: "Backends", minWidth: 8, maxWidth: 24, priority: 1), spec("Version", 7, 0),
                        spec("Versions", 8, 2), spec("Rows", 8, 3), spec("Files", 6, 1), spec("Size", 9, 0)]
        }
        columns.append(ColumnSpec(title: "Est. backup", minWidth: 11, maxWidth: 14, priority: 1, alignRight: true))
        let rows = nodes.map { node -> TableRow in
            var cells = [TableCell(kind == .tablet ? String(node.id) : node.name)]
            switch kind {
            case .database:
                cells += [TableCell(String(node.children.count)), TableCell(Format.count(node.rows)), TableCell(Format.bytes(node.bytes)),
                          TableCell(String(node.files))]
            case .table:
                cells += [TableCell(Format.count(node.rows)), TableCell(Format.bytes(node.bytes)), TableCell(node.replication.map(String.init) ?? ""),
                          TableCell(String(node.children.count)), TableCell(String(node.tabletCount)), TableCell(String(node.files))]
            case .partition:
                cells += [TableCell(node.version.map(String.init) ?? ""), TableCell(String(node.children.count)), TableCell(Format.count(node.rows)),
                          TableCell(Format.bytes(node.bytes)), TableCell(String(node.files)), TableCell(node.range ?? "")]
            case .tablet:
                cells += [TableCell(node.backends.map(String.init).joined(separator: ",")), TableCell(node.version.map(String.init) ?? ""),
                          TableCell(node.versionCount.map(String.init) ?? ""), TableCell(Format.count(node.rows)), TableCell(String(node.files)),
                          TableCell(Format.bytes(node.bytes))]
            }
            cells.append(TableCell(rate.map { TimeSpan.text(max(1, Double(node.bytes) / $0)) } ?? "—"))
            return TableRow(key: kind == .tablet ? String(node.id) : node.name, cells: cells)
        }
        let empty = !hasSnapshot ? "Waiting for the engine…"
            : catalogBrowser.depth > 0 ? "Nothing here."
            : unavailableText(.catalog) ?? "No databases. Create one in the Console tab (6): CREATE DATABASE d"
        return TableModel(columns: columns, rows: rows, emptyText: empty).filtered(filters[.catalog] ?? "")
    }

    private func spec(_ title: String, _ width: Int, _ priority: Int) -> ColumnSpec {
        ColumnSpec(title: title, minWidth: width, maxWidth: max(width, 12), priority: priority, alignRight: true)
    }

    /// Events newest first. Keys are time and text, numbered when they repeat, so the selection
    /// stays on its event as new ones arrive on top.
    func eventTable() -> TableModel {
        var seen: [String: Int] = [:]
        var rows: [TableRow] = []
        for event in cluster.events {
            let base = event.time + "\t" + event.text
            let n = seen[base, default: 0]
            seen[base] = n + 1
            let role: Role = event.level == .error ? .error : event.level == .warning ? .warning : .normal
            rows.append(TableRow(key: n == 0 ? base : base + "#\(n)", cells: [
                TableCell(event.time), TableCell(event.level.rawValue.uppercased(), role: role), TableCell(event.text, role: event.level == .info ? nil : role),
            ]))
        }
        return TableModel(columns: [
            ColumnSpec(title: "Time", minWidth: 19, maxWidth: 19, priority: 0),
            ColumnSpec(title: "Level", minWidth: 7, maxWidth: 7, priority: 1),
            ColumnSpec(title: "Event", minWidth: 20, maxWidth: 400, priority: 0, flex: true),
        ], rows: rows.reversed(), emptyText: hasSnapshot ? "No events yet." : "Waiting for the engine…").filtered(filters[.events] ?? "")
    }
}

extension CatalogNode.Kind {
    init(depth: Int) {
        self = [.database, .table, .partition, .tablet][min(3, max(0, depth))]
    }
}
