/// The Repositories tab's table and the Snapshots tab's tables at every drill level.
extension AppState {
    func repositoryTable() -> TableModel {
        let rows = cluster.repositories.map { repo in
            let count = snapshotCache.lists[repo.name].map { String($0.count) } ?? ""
            return TableRow(key: repo.name, cells: [
                TableCell(repo.name),
                TableCell(repo.type),
                TableCell(repo.location),
                TableCell(repo.readOnly ? "yes" : "no", role: repo.readOnly ? .warning : nil),
                TableCell(count),
                TableCell(repo.createTime),
                TableCell(repo.errMsg ?? "", role: repo.errMsg == nil ? nil : .error),
            ])
        }
        return TableModel(columns: [
            ColumnSpec(title: "Name", minWidth: 8, maxWidth: 24, priority: 0),
            ColumnSpec(title: "Type", minWidth: 5, maxWidth: 6, priority: 1),
            ColumnSpec(title: "Location", minWidth: 12, maxWidth: 60, priority: 0, flex: true),
            ColumnSpec(title: "RO", minWidth: 3, maxWidth: 3, priority: 2),
            ColumnSpec(title: "Snaps", minWidth: 5, maxWidth: 6, priority: 3, alignRight: true),
            ColumnSpec(title: "CreateTime", minWidth: 19, maxWidth: 19, priority: 5),
            ColumnSpec(title: "ErrMsg", minWidth: 8, maxWidth: 40, priority: 4),
        ], rows: rows, emptyText: !hasSnapshot ? "Waiting for the engine…"
            : unavailableText(.repositories) ?? "No repositories. Press n to create one.")
            .filtered(filters[.repositories] ?? "")
    }

    /// The CHECK rows of the snapshot opened on the Snapshots tab, problems first.
    var snapshotCheckRows: [CheckRow] {
        guard snapshotBrowser.depth >= 1, let key = selectedSnapshot, let rows = snapshotCache.checks[key] else { return [] }
        return rows.filter { !$0.isOK } + rows.filter(\.isOK)
    }

    func snapshotTable() -> TableModel {
        let filter = filters[.snapshots] ?? ""
        guard let repository = selectedRepository else {
            return TableModel(columns: [], rows: [], emptyText: "No repository selected: pick one on the Repositories tab (3).")
        }
        if snapshotBrowser.depth == 0 { return snapshotList(repository).filtered(filter) }
        guard let key = selectedSnapshot else {
            return TableModel(columns: [], rows: [], emptyText: "This snapshot is gone from the repository. Esc goes back.")
        }
        guard let contents = snapshotCache.contents(key) else {
            let text = snapshotCache.detailErrors[key].map { "Cannot read the snapshot's contents: \($0)" }
                ?? "Loading the snapshot's contents…"
            return TableModel(columns: [], rows: [], emptyText: text)
        }
        return contentsTable(contents, key).filtered(filter)
    }

    /// The labels of a repository, newest first, or as chains of incrementals under their bases
    /// (`snapshotChainView`). Narrow screens keep the name, time, status, type and size.
    private func snapshotList(_ repository: String) -> TableModel {
        let glyphs = GlyphSet.unicode
        let entries = snapshotCache.entries(of: repository)
        let lineage = { (key: SnapshotKey) in snapshotCache.row(key)?.lineage[key.timestamp] }
        let lines = snapshotChainView
            ? SnapshotChain.lines(entries, lineage: lineage)
            : entries.map { SnapshotChain.Line(key: $0, prefix: "", baseMissing: false) }
        let labels = Set(entries.map(\.label))
        // A Doris repository (or one written before SnapDeck recorded lineage) has none of these
        // values: its columns would only push Database and Check off a narrow screen.
        let showsLineage = entries.contains { lineage($0) != nil }
        // With lineage the row is full: the Check column comes only once a snapshot was checked.
        let showsCheck = !showsLineage || entries.contains { snapshotCache.checks[$0] != nil || snapshotCache.checking.contains($0) }
        let rows = lines.map { line -> TableRow in
            let key = line.key
            let row = snapshotCache.row(key)
            let info = row?.lineage[key.timestamp]
            let contents = snapshotCache.contents(key)
            let ok = row?.status.uppercased() == "OK"
            let baseListed = info?.baseLabel.map { labels.contains($0) } ?? true
            let lineageCells = [
                TableCell(info?.shortType ?? "", role: info?.isIncremental == true ? .running : nil),
                // A base no longer listed was dropped or expired with its files kept where this
                // snapshot reads them (retention does that every day): dimmed, not a warning.
                // Whether the files are there is what CHECK (v) tells.
                TableCell(info?.baseLabel.map { Self.shortBase($0, of: key.label) } ?? "", role: baseListed && !line.baseMissing ? nil : .dim),
                TableCell(info?.totalBytes.map(Format.compactBytes) ?? ""),
                TableCell(info?.uploadedBytes.map(Format.compactBytes) ?? ""),
                TableCell(info?.ownerText(connectedCluster: cluster.clusterId) ?? ""),
                TableCell(info?.ttl ?? ""),
                // To the minute: seconds of an expiry in days are noise the row has no room for.
                TableCell(info?.expires.map { String($0.prefix(16)) } ?? ""),
            ]
            return TableRow(key: key.rowKey, cells: [
                TableCell(line.prefix + key.label),
                TableCell(key.timestamp),
                TableCell(row?.status ?? "", role: ok ? .finished : .failed),
            ] + (showsLineage ? lineageCells : []) + [
                TableCell(contents?.database ?? row?.database ?? ""),
                TableCell(contents.map { String($0.tables.count) } ?? ""),
            ] + (showsCheck ? [checkCell(key, glyphs)] : []))
        }
        let empty = snapshotCache.listErrors[repository].map { "Cannot list \(repository): \($0)" }
            ?? (snapshotCache.lists[repository] == nil ? "Listing the snapshots of \(repository)…" : "No snapshots in \(repository) yet. Press b to back up.")
        let lineageColumns = [
            ColumnSpec(title: "Type", minWidth: 4, maxWidth: 4, priority: 2),
            ColumnSpec(title: "Base", minWidth: 10, maxWidth: 32, priority: snapshotChainView ? 9 : 4),
            ColumnSpec(title: "Size", minWidth: 5, maxWidth: 6, priority: 3, alignRight: true),
            ColumnSpec(title: "Upload", minWidth: 6, maxWidth: 6, priority: 6, alignRight: true),
            ColumnSpec(title: "Owner", minWidth: 12, maxWidth: 12, priority: 8),
            ColumnSpec(title: "TTL", minWidth: 6, maxWidth: 8, priority: 5),
            ColumnSpec(title: "Expires", minWidth: 16, maxWidth: 16, priority: 9),
        ]
        // The label is what the operator reads first: with lineage its column keeps its width
        // and the others give way.
        let labelWidth = showsLineage ? (snapshotChainView ? 24 : 20) : 10
        return TableModel(columns: [
            ColumnSpec(title: "Snapshot", minWidth: labelWidth, maxWidth: snapshotChainView ? 48 : 40, priority: 0),
            ColumnSpec(title: "Timestamp", minWidth: 19, maxWidth: 19, priority: 0),
            ColumnSpec(title: "Status", minWidth: 6, maxWidth: 40, priority: 1),
        ] + (showsLineage ? lineageColumns : []) + [
            ColumnSpec(title: "Database", minWidth: 8, maxWidth: 20, priority: showsLineage ? 7 : 3),
            ColumnSpec(title: "Tables", minWidth: 6, maxWidth: 6, priority: showsLineage ? 11 : 4, alignRight: true),
        ] + (showsCheck ? [ColumnSpec(title: "Check", minWidth: 10, maxWidth: 40, priority: showsLineage ? 10 : 2, flex: true)] : []),
            rows: rows, emptyText: empty)
    }

    /// A base label without the leading `_`-separated words it shares with the snapshot's own
    /// label: `retail_nightly_20261125` under `retail_nightly_20261126` is `…20261125`.
    static func shortBase(_ base: String, of label: String) -> String {
        let baseParts = base.split(separator: "_", omittingEmptySubsequences: false)
        let ownParts = label.split(separator: "_", omittingEmptySubsequences: false)
        let shared = zip(baseParts, ownParts).prefix { $0 == $1 }.count
        guard shared > 0, shared < baseParts.count else { return base }
        return "…" + baseParts[shared...].joined(separator: "_")
    }

    /// The verdict of the last ADMIN CHECK SNAPSHOT on a snapshot, if any.
    private func checkCell(_ key: SnapshotKey, _ glyphs: GlyphSet) -> TableCell {
        if snapshotCache.checking.contains(key) { return TableCell("checking…", role: .running) }
        guard let rows = snapshotCache.checks[key] else { return TableCell("—", role: .dim) }
        let problems = rows.filter { !$0.isOK }.count
        if problems == 0 { return TableCell("OK " + (rows.first?.detail ?? ""), role: .finished) }
        return TableCell("\(problems) problem\(problems == 1 ? "" : "s")", role: .failed)
    }

    private func contentsTable(_ contents: SnapshotContents, _ key: SnapshotKey) -> TableModel {
        let path = snapshotBrowser.path
        switch path.count {
        case 1:
            return TableModel(columns: [
                ColumnSpec(title: "Table", minWidth: 10, maxWidth: 40, priority: 0),
                ColumnSpec(title: "Partitions", minWidth: 10, maxWidth: 10, priority: 0, alignRight: true),
                ColumnSpec(title: "Tablets", minWidth: 7, maxWidth: 8, priority: 1, alignRight: true),
                ColumnSpec(title: "Files", minWidth: 6, maxWidth: 8, priority: 1, alignRight: true),
            ], rows: contents.tables.map { table in
                let tablets = table.partitions.compactMap(\.tablets)
                let known = tablets.count == table.partitions.count && !tablets.isEmpty
                return TableRow(key: table.name, cells: [
                    TableCell(table.name), TableCell(String(table.partitions.count)),
                    TableCell(known ? String(tablets.reduce(0) { $0 + $1.count }) : "?"),
                    TableCell(known ? String(tablets.joined().reduce(0) { $0 + $1.files.count }) : "?"),
                ])
            }, emptyText: "The snapshot holds no tables.")
        case 2:
            let partitions = contents.table(named: path[1])?.partitions ?? []
            return TableModel(columns: [
                ColumnSpec(title: "Partition", minWidth: 10, maxWidth: 40, priority: 0),
                ColumnSpec(title: "Version", minWidth: 7, maxWidth: 10, priority: 0, alignRight: true),
                ColumnSpec(title: "Tablets", minWidth: 7, maxWidth: 8, priority: 1, alignRight: true),
                ColumnSpec(title: "Files", minWidth: 6, maxWidth: 8, priority: 1, alignRight: true),
            ], rows: partitions.map { p in
                TableRow(key: p.name, cells: [
                    TableCell(p.name), TableCell(p.version.map(String.init) ?? "?"),
                    TableCell(p.tablets.map { String($0.count) } ?? "?"),
                    TableCell(p.tablets.map { String($0.reduce(0) { $0 + $1.files.count }) } ?? "?"),
                ])
            }, emptyText: "No partitions.")
        case 3:
            let partition = contents.table(named: path[1])?.partitions.first { $0.name == path[2] }
            return TableModel(columns: [
                ColumnSpec(title: "Tablet", minWidth: 10, maxWidth: 20, priority: 0),
                ColumnSpec(title: "Files", minWidth: 6, maxWidth: 8, priority: 0, alignRight: true),
                ColumnSpec(title: "First file", minWidth: 10, maxWidth: 80, priority: 1, flex: true),
            ], rows: (partition?.tablets ?? []).map { t in
                TableRow(key: t.id, cells: [TableCell(t.id), TableCell(String(t.files.count)), TableCell(t.files.first ?? "")])
            }, emptyText: partition?.tablets == nil
                ? "Tablets are listed only in a snapshot's __info document; SHOW SNAPSHOT's brief names partitions only."
                : "No tablets.")
        default:
            let tablet = contents.table(named: path[1])?.partitions.first { $0.name == path[2] }?.tablets?.first { $0.id == path[3] }
            let checks = snapshotCache.checks[key] ?? []
            return TableModel(columns: [
                ColumnSpec(title: "File", minWidth: 20, maxWidth: 80, priority: 0),
                ColumnSpec(title: "Check", minWidth: 8, maxWidth: 60, priority: 1, flex: true),
            ], rows: (tablet?.files ?? []).map { file in
                let check = checks.first { $0.file.map { $0.hasSuffix(file) } ?? false }
                return TableRow(key: file, cells: [
                    TableCell(file),
                    check.map { TableCell($0.status + " " + $0.detail, role: $0.isOK ? .finished : .failed) } ?? TableCell("—", role: .dim),
                ])
            }, emptyText: "No files.")
        }
    }
}
