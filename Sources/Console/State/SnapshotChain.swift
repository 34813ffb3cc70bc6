/// The Snapshots tab's chain view: each incremental snapshot drawn under the snapshot it was
/// taken against, full snapshots (and incrementals whose base is not listed) as roots, so an
/// operator sees which nights a restore or a drop depends on.
enum SnapshotChain {
    /// A row of the tree: the snapshot, its tree prefix (`├─ `, `│ └─ `), and whether it names a
    /// base that the repository does not list.
    struct Line: Sendable, Hashable {
        var key: SnapshotKey
        var prefix: String
        var baseMissing: Bool
    }

    /// `entries` newest first; siblings keep that order, children follow their base.
    static func lines(_ entries: [SnapshotKey], lineage: (SnapshotKey) -> SnapshotLineage?) -> [Line] {
        var children: [SnapshotKey: [SnapshotKey]] = [:]
        var roots: [SnapshotKey] = []
        var missing: Set<SnapshotKey> = []
        for entry in entries {
            guard let info = lineage(entry), info.isIncremental, let label = info.baseLabel else {
                roots.append(entry)
                continue
            }
            if let base = base(of: entry, label: label, timestamp: info.baseTimestamp, in: entries), !descends(base, from: entry, lineage, entries) {
                children[base, default: []].append(entry)
            } else {
                missing.insert(entry)
                roots.append(entry)
            }
        }
        var lines: [Line] = []
        func visit(_ key: SnapshotKey, _ indent: String, _ isLast: Bool, _ depth: Int) {
            let prefix = depth == 0 ? "" : indent + (isLast ? "└─ " : "├─ ")
            lines.append(Line(key: key, prefix: prefix, baseMissing: missing.contains(key)))
            let next = depth == 0 ? "" : indent + (isLast ? "  " : "│ ")
            let kids = children[key] ?? []
            for (i, child) in kids.enumerated() { visit(child, next, i == kids.count - 1, depth + 1) }
        }
        for root in roots { visit(root, "", true, 0) }
        return lines
    }

    /// The listed snapshot `label` names: the exact timestamp when known, otherwise that label's
    /// newest timestamp older than `entry` (SHOW SNAPSHOT names a base by label only).
    static func base(of entry: SnapshotKey, label: String, timestamp: String?, in entries: [SnapshotKey]) -> SnapshotKey? {
        let candidates = entries.filter { $0.label == label && $0 != entry }
        if let timestamp { return candidates.first { $0.timestamp == timestamp } }
        return candidates.filter { $0.timestamp <= entry.timestamp }.max { $0.timestamp < $1.timestamp }
            ?? candidates.max { $0.timestamp < $1.timestamp }
    }

    /// Whether `candidate` is `entry` itself or built on it: such a base would make a cycle
    /// (a damaged `__info`), so the entry is shown as a root instead.
    private static func descends(
        _ candidate: SnapshotKey, from entry: SnapshotKey, _ lineage: (SnapshotKey) -> SnapshotLineage?, _ entries: [SnapshotKey]
    ) -> Bool {
        var current: SnapshotKey? = candidate
        var seen: Set<SnapshotKey> = []
        while let key = current, seen.insert(key).inserted {
            if key == entry { return true }
            guard let info = lineage(key), info.isIncremental, let label = info.baseLabel else { return false }
            current = base(of: key, label: label, timestamp: info.baseTimestamp, in: entries)
        }
        return current != nil
    }
}
