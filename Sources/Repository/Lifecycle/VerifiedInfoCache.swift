import Foundation

/// `__info` files already downloaded, verified against the MD5 their name carries, and
/// decoded, by key. A key names its content (the MD5 is in the name), so what was read under it
/// stays true while the key exists; listings still decide which keys exist. The retention sweep
/// reads every repository once a minute: with this, a sweep of a repository whose snapshots it
/// has seen costs one listing, not a download per snapshot.
///
/// Only the retention sweep uses one (a cluster keeps it for its lifetime); DROP SNAPSHOT,
/// RESTORE, ADMIN CHECK SNAPSHOT and SHOW SNAPSHOT read the bytes every time, so damage done
/// since is still found there.
public final class VerifiedInfoCache: @unchecked Sendable {
    /// Enough for every snapshot of many large repositories; past it the cache starts again.
    private static let capacity = 20_000
    private let lock = NSLock()
    private var infos: [String: SnapshotInfoFile] = [:]

    public init() {}

    public func info(forKey key: String) -> SnapshotInfoFile? {
        lock.withLock { infos[key] }
    }

    public func remember(_ info: SnapshotInfoFile, forKey key: String) {
        lock.withLock {
            if infos.count >= Self.capacity { infos.removeAll(keepingCapacity: true) }
            infos[key] = info
        }
    }
}
