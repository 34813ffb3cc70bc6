import Catalog
import Dispatch
import Foundation

/// A finished segment waiting to be written to every replica of its tablet.
public struct PendingSegment: Sendable {
    public var tabletId: ObjectID
    public var rowsetId: ObjectID
    public var rowCount: Int64
    public var bytes: [UInt8]
    public var backends: [ObjectID]
    public init(tabletId: ObjectID, rowsetId: ObjectID, rowCount: Int64, bytes: [UInt8], backends: [ObjectID]) {
        self.tabletId = tabletId
        self.rowsetId = rowsetId
        self.rowCount = rowCount
        self.bytes = bytes
        self.backends = backends
    }
}

/// A segment written to all its replicas, with the checksums the catalog records.
public struct WrittenSegment: Sendable {
    public var tabletId: ObjectID
    public var rowsetId: ObjectID
    public var rowCount: Int64
    public var size: Int64
    public var md5: String
    public var crc32c: UInt32
}

/// Writes load segments durably to their replicas' backend folders, in parallel.
public struct SegmentWriter: Sendable {
    public let layout: DataLayout
    public init(layout: DataLayout) {
        self.layout = layout
    }

    /// Relative paths of every file `segments` will create (for the garbage list).
    public func paths(of segments: [PendingSegment]) -> [String] {
        segments.flatMap { s in
            s.backends.map { layout.segmentFile(backend: $0, tablet: s.tabletId, rowset: s.rowsetId) }
        }
    }

    /// Writes every segment to every replica. On failure, removes what it wrote and throws.
    public func write(_ segments: [PendingSegment]) throws(FileError) -> [WrittenSegment] {
        let results = UnsafeResults<Result<WrittenSegment, FileError>>(count: segments.count)
        DispatchQueue.concurrentPerform(iterations: segments.count) { i in
            results[i] = Result { () throws(FileError) -> WrittenSegment in try writeOne(segments[i]) }
        }
        var written: [WrittenSegment] = []
        for i in 0..<segments.count {
            switch results[i]! {
            case .success(let w): written.append(w)
            case .failure(let error):
                for p in paths(of: segments) { DurableFile.removeWithStaging(layout.absolute(p)) }
                throw error
            }
        }
        return written
    }

    private func writeOne(_ segment: PendingSegment) throws(FileError) -> WrittenSegment {
        let (md5, crc) = segment.bytes.withUnsafeBytes {
            (Checksums.md5Hex($0), Checksums.crc32c($0))
        }
        for backend in segment.backends {
            let path = layout.absolute(
                layout.segmentFile(backend: backend, tablet: segment.tabletId, rowset: segment.rowsetId))
            try DurableFile.write(segment.bytes, to: path)
        }
        return WrittenSegment(
            tabletId: segment.tabletId, rowsetId: segment.rowsetId, rowCount: segment.rowCount,
            size: Int64(segment.bytes.count), md5: md5, crc32c: crc)
    }
}

/// Slots filled by `concurrentPerform` iterations, each writing only its own index.
final class UnsafeResults<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    subscript(i: Int) -> T? {
        get { lock.withLock { slots[i] } }
        set { lock.withLock { slots[i] = newValue } }
    }
}
