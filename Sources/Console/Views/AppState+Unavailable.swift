/// What a tab says instead of an empty table when its data could not be read.
extension AppState {
    /// Why `part` shows nothing (or only some of it): never reached the server, a missing
    /// privilege, a server without BACKUP / RESTORE. Nil when the data is simply what it is.
    func unavailableText(_ part: ClusterPart) -> String? {
        if let connection = cluster.connection, connection.dataTime == nil,
           case .disconnected(let reason, _) = connection.state {
            return "Cannot reach \(connection.endpoint): \(reason)"
        }
        return cluster.unavailable[part]
    }
}

extension JobKind {
    /// The part of a cluster this kind of job is read from.
    public var clusterPart: ClusterPart { self == .backup ? .backups : .restores }
}
