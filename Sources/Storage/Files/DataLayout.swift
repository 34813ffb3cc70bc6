/// Where things live inside a data directory (SPEC §3.2). Relative paths are stored in the
/// catalog's garbage list so a data directory can be moved.
public struct DataLayout: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var catalogPath: String { root + "/meta.sqlite" }
    public var lockPath: String { root + "/snapdeck.lock" }
    public var temporaryDirectory: String { root + "/tmp" }
    public var logDirectory: String { root + "/log" }
    public var backendsDirectory: String { root + "/backends" }

    public func absolute(_ relative: String) -> String { root + "/" + relative }

    public func backendDirectory(_ backend: Int64) -> String { "\(backendsDirectory)/\(backend)" }

    /// `backends/<be>/data/<tablet>`, relative.
    public func tabletDirectory(backend: Int64, tablet: Int64) -> String {
        "backends/\(backend)/data/\(tablet)"
    }

    /// `backends/<be>/data/<tablet>/<rowset>_0.dat`, relative.
    public func segmentFile(backend: Int64, tablet: Int64, rowset: Int64) -> String {
        "backends/\(backend)/data/\(tablet)/\(rowset)_0.dat"
    }
}
