/// The Repositories, Snapshots, Catalog and Events tabs: a breadcrumb title and a table.
enum BrowserViews {
    static func repositories(_ state: AppState, _ layout: Layout, into buffer: inout CellBuffer, theme: Theme) {
        let model = state.repositoryTable()
        ListView.title(["Repositories · \(state.cluster.repositories.count)"], note: "Enter browses snapshots · n new · D drop",
                       in: layout.main, into: &buffer, theme: theme)
        ListView.draw(model, cursor: state.repositoryCursor, in: layout.body, into: &buffer, theme: theme)
    }

    static func snapshots(_ state: AppState, _ layout: Layout, into buffer: inout CellBuffer, theme: Theme) {
        var parts = ["Snapshots"]
        var note = ""
        if let repository = state.selectedRepository {
            let location = state.cluster.repository(named: repository)?.location ?? ""
            parts.append(repository + (location.isEmpty || state.snapshotBrowser.depth > 0 ? "" : " (\(location))"))
            if state.snapshotCache.loadingLists.contains(repository) { note = "listing…" }
        }
        if let key = state.selectedSnapshot, state.snapshotBrowser.depth > 0 {
            parts.append("\(key.label) @ \(key.timestamp)")
            parts += state.snapshotBrowser.path.dropFirst()
        }
        if state.snapshotBrowser.depth == 0, note.isEmpty {
            note = state.snapshotChainView ? "Chain view: incrementals under their base · t flat list"
                : "Enter opens · r restore · v verify · t chain · D drop"
        }
        ListView.title(parts, note: note, in: layout.main, into: &buffer, theme: theme)
        let checks = state.snapshotCheckRows
        let areas = layout.snapshotAreas(checkRows: checks.count)
        ListView.draw(state.snapshotTable(), cursor: state.snapshotBrowser.cursor, in: areas.list, into: &buffer, theme: theme)
        if let panel = areas.check { drawChecks(checks, in: panel, into: &buffer, theme: theme) }
    }

    /// The ADMIN CHECK SNAPSHOT result of the open snapshot, problems first.
    private static func drawChecks(_ checks: [CheckRow], in rect: Rect, into buffer: inout CellBuffer, theme: Theme) {
        let problems = checks.filter { !$0.isOK }.count
        Frame.draw(rect, title: problems == 0 ? "CHECK: no problems" : "CHECK: \(problems) problem\(problems == 1 ? "" : "s")",
                   role: problems == 0 ? .border : .failed, into: &buffer, glyphs: theme.glyphs)
        for (i, check) in checks.prefix(rect.height - 2).enumerated() {
            let mark = check.isOK ? theme.glyphs.finished : theme.glyphs.cancelled
            let line = StyledLine("\(mark) \(check.status) ", check.isOK ? .finished : .failed)
                .appending((check.file.map { shortPath($0) + "  " } ?? "") + check.detail)
            line.draw(x: rect.x + 2, y: rect.y + 1 + i, width: rect.width - 4, into: &buffer, ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// The tablet folder and file name: the part of a repository path that identifies a file.
    static func shortPath(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.count > 2 ? "…/" + parts.suffix(2).joined(separator: "/") : path
    }

    static func catalog(_ state: AppState, _ layout: Layout, into buffer: inout CellBuffer, theme: Theme) {
        var note = ""
        let node = state.catalogNode
        let bytes = node?.bytes ?? state.cluster.catalog.reduce(0) { $0 + $1.bytes }
        let files = node?.files ?? state.cluster.catalog.reduce(0) { $0 + $1.files }
        if state.hasSnapshot {
            note = "\(Format.bytes(bytes)) in \(files) files"
            if let estimate = Format.estimate(bytes: bytes, rate: state.cluster.transferRate) { note += " · backup " + estimate }
        }
        ListView.title(["Catalog"] + state.catalogBrowser.path, note: note, in: layout.main, into: &buffer, theme: theme)
        ListView.draw(state.catalogTable(), cursor: state.catalogBrowser.cursor, in: layout.body, into: &buffer, theme: theme)
    }

    static func events(_ state: AppState, _ layout: Layout, into buffer: inout CellBuffer, theme: Theme) {
        ListView.title(["Events · newest first"], in: layout.main, into: &buffer, theme: theme)
        ListView.draw(state.eventTable(), cursor: state.eventCursor, in: layout.body, into: &buffer, theme: theme)
    }
}
