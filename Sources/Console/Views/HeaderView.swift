import Essentials

/// Row 0: cluster, user, backends, running and failed jobs, repositories; on the right the
/// PAUSED badge, the active filter and the clock. Less important parts give way when narrow.
enum HeaderView {
    static func draw(_ state: AppState, _ rect: Rect, into buffer: inout CellBuffer, theme: Theme) {
        let glyphs = theme.glyphs
        buffer.fill(x: rect.x, y: rect.y, count: rect.width, role: .header)
        let cluster = state.cluster

        var right: [StyledLine.Run] = []
        if state.isPaused { right.append(.init(text: " PAUSED ", role: .badge)) }
        if !state.filter.isEmpty { right.append(.init(text: " /" + DisplayWidth.truncate(state.filter, to: 16, ellipsis: glyphs.ellipsis) + " ", role: .badge)) }
        right.append(.init(text: " " + LocalTime(epoch: state.now, utcOffset: state.utcOffset).clock + " ", role: .header))
        let rightWidth = right.reduce(0) { $0 + DisplayWidth.of($1.text) }

        // Lower priority numbers survive narrower screens; the data directory (kind .directory)
        // takes whatever width is left, cut from the left since its end names the cluster.
        let running = state.activeJobs.count
        let failed = state.failedJobCount
        let backendsDown = cluster.backendsUp < cluster.backendsTotal
        let directoryMarker = "\u{0}dir"
        var segments: [(priority: Int, run: StyledLine.Run)] = [
            (5, .init(text: "SnapDeck", role: .header)),
            (1, .init(text: directoryMarker, role: .header)),
            (2, .init(text: cluster.user + (cluster.isAdmin ? "" : " (no ADMIN)"), role: cluster.isAdmin ? .header : .badge)),
            (0, .init(text: "BE \(cluster.backendsUp)/\(cluster.backendsTotal)", role: backendsDown ? .danger : .header)),
            (0, .init(text: "\(glyphs.running) \(running) running", role: .header)),
            (3, .init(text: "\(glyphs.cancelled) \(failed) failed", role: failed > 0 ? .danger : .header)),
            (4, .init(text: "\(cluster.repositories.count) repo\(cluster.repositories.count == 1 ? "" : "s")", role: .header)),
        ]
        if let connection = cluster.connection, !connection.isConnected {
            segments.insert((0, .init(text: disconnectedText(connection, now: state.now, utcOffset: state.utcOffset), role: .danger)), at: 1)
        }
        if !state.hasSnapshot || location(of: cluster).isEmpty { segments.removeAll { $0.run.text == directoryMarker } }
        if !state.hasSnapshot { segments = [(0, .init(text: "SnapDeck", role: .header)), (0, .init(text: "connecting…", role: .header))] }
        let separator = " " + glyphs.separator + " "
        let available = rect.width - rightWidth - 2
        let directoryMinimum = 12
        func width(_ segs: [(priority: Int, run: StyledLine.Run)]) -> Int {
            segs.reduce(0) { $0 + ($1.run.text == directoryMarker ? directoryMinimum : DisplayWidth.of($1.run.text)) }
                + max(0, segs.count - 1) * DisplayWidth.of(separator)
        }
        while width(segments) > available, let drop = segments.indices.max(by: { segments[$0].priority < segments[$1].priority }),
              segments[drop].priority > 0 {
            segments.remove(at: drop)
        }
        if let index = segments.firstIndex(where: { $0.run.text == directoryMarker }) {
            let room = available - width(segments) + directoryMinimum
            segments[index].run.text = DisplayWidth.truncateLeading(location(of: cluster), to: room, ellipsis: glyphs.ellipsis)
        }
        var x = rect.x + 1
        for (i, segment) in segments.enumerated() {
            if i > 0 { x += buffer.put(separator, x: x, y: rect.y, role: .header) }
            x += buffer.put(segment.run.text, x: x, y: rect.y, maxWidth: rect.maxX - x - rightWidth, role: segment.run.role)
        }
        var rx = rect.maxX - rightWidth
        for run in right {
            rx += buffer.put(run.text, x: rx, y: rect.y, role: run.role)
        }
    }

    /// The data directory of the embedded cluster, or the server a remote dashboard reads.
    private static func location(of cluster: ClusterSnapshot) -> String {
        guard let connection = cluster.connection else { return cluster.dataDirectory }
        let host = connection.endpoint.split(separator: "@", maxSplits: 1).last.map(String.init) ?? connection.endpoint
        return connection.server.isEmpty ? host : host + " · " + connection.server
    }

    /// `disconnected — retrying in 4s · data of 11:32:05`: the picture below is the last one read.
    static func disconnectedText(_ connection: ConnectionStatus, now: Double, utcOffset: Int) -> String {
        guard case .disconnected(_, let retryAt) = connection.state else { return "" }
        let wait = Int((retryAt - now).rounded(.up))
        var text = wait > 0 ? "disconnected — retrying in \(wait)s" : "disconnected — reconnecting…"
        if let dataTime = connection.dataTime { text += " · data of " + LocalTime(epoch: dataTime, utcOffset: utcOffset).clock }
        return text
    }
}
