import Dispatch
import Foundation

/// Writes a load's segments on a background queue while the load goes on reading and
/// encoding, one batch at a time: `submit` waits while a batch is still being written, so the
/// memory held is the batch being written plus the one being filled.
///
/// Every file must be on the catalog's garbage list before it is submitted (a crash mid-write
/// leaves only listed files). A failed batch removes its own files, as `SegmentWriter.write`
/// does; `finish` reports the first failure and leaves earlier batches' files to the caller's
/// garbage collection.
public final class SegmentFlusher: @unchecked Sendable {
    private let writer: SegmentWriter
    private let queue = DispatchQueue(label: "snapdeck.load.flush")
    private let inFlight = DispatchSemaphore(value: 1)
    private let lock = NSLock()
    private var written: [WrittenSegment] = []
    private var failure: FileError?

    public init(writer: SegmentWriter) {
        self.writer = writer
    }

    /// Queues `batch` for writing once the previous batch is written. Throws the failure of
    /// an earlier batch, if one failed, instead of queueing more.
    public func submit(_ batch: [PendingSegment]) throws(FileError) {
        inFlight.wait()
        if let failure = lock.withLock({ failure }) {
            inFlight.signal()
            throw failure
        }
        queue.async { [self] in
            defer { inFlight.signal() }
            do throws(FileError) {
                let done = try writer.write(batch)
                lock.withLock { written += done }
            } catch {
                lock.withLock { failure = failure ?? error }
            }
        }
    }

    /// Waits for every submitted batch; returns all segments written, or the first failure.
    public func finish() throws(FileError) -> [WrittenSegment] {
        queue.sync {}
        let (done, failed) = lock.withLock { (written, failure) }
        if let failed { throw failed }
        return done
    }
}
