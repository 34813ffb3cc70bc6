import Catalog
import SQLSyntax

/// Reads the segments of one tablet from a replica, checking each file's size and CRC32C
/// against the catalog before decoding it, and falling back to the next live replica when a
/// copy is missing or damaged.
public struct TabletReader: Sendable {
    public let layout: DataLayout
    public init(layout: DataLayout) {
        self.layout = layout
    }

    /// Why no replica of a tablet could be read; `attempts` names each backend and its problem.
    public struct Unreadable: Error, Sendable, CustomStringConvertible {
        public var tabletId: ObjectID
        public var attempts: [String]
        public var description: String {
            "tablet \(tabletId) has no readable replica (" + attempts.joined(separator: "; ") + ")"
        }
    }

    /// Calls `body` with a reader for each rowset of the tablet, oldest first.
    public func forEachSegment(
        tablet: ObjectID, catalog: CatalogState, types: [ColumnType],
        _ body: (inout SegmentReader) throws -> Void
    ) throws {
        let rowsets = catalog.rowsets(of: tablet)
        guard !rowsets.isEmpty else { return }
        var attempts: [String] = []
        let replicas = catalog.replicas(of: tablet).sorted { a, b in
            (catalog.backends[a.backendId]?.alive ?? false) && !(catalog.backends[b.backendId]?.alive ?? false)
        }
        for replica in replicas {
            guard catalog.backends[replica.backendId]?.alive == true else {
                attempts.append("backend \(replica.backendId) is down")
                continue
            }
            let segments: [SegmentReader]
            do {
                segments = try rowsets.map { rowset in
                    try load(rowset, backend: replica.backendId, types: types)
                }
            } catch let error as FileError {
                attempts.append("backend \(replica.backendId): \(error)")
                continue
            } catch let error as SegmentCorruption {
                attempts.append("backend \(replica.backendId): \(error)")
                continue
            }
            // Errors from here on are the caller's: rows were delivered, so no retry.
            for var reader in segments { try body(&reader) }
            return
        }
        throw Unreadable(tabletId: tablet, attempts: attempts)
    }

    private func load(_ rowset: RowsetRecord, backend: ObjectID, types: [ColumnType]) throws -> SegmentReader {
        let path = layout.absolute(layout.segmentFile(backend: backend, tablet: rowset.tabletId, rowset: rowset.id))
        let bytes = try DurableFile.read(path)
        guard bytes.count == rowset.size else {
            throw SegmentCorruption(reason: "\(path) is \(bytes.count) bytes, expected \(rowset.size)")
        }
        guard Checksums.crc32c(bytes) == rowset.crc32c else {
            throw SegmentCorruption(reason: "\(path) fails its CRC32C check")
        }
        return try SegmentReader(bytes: bytes, types: types)
    }
}
