import Foundation
import AsyncHTTPClient
import NIOCore

/// Feeds a file to a streamed request body: each chunk is read on a dispatch queue (never on
/// NIO's event loop) and the next is read only once the previous one is written, so one chunk
/// is in memory per upload whatever the file's size.
final class FileStreamer: @unchecked Sendable {
    static let chunkSize = 1 << 20

    let fd: Int32
    let size: Int
    let path: String
    let control: TransferControl
    let writer: HTTPClient.Body.StreamWriter
    let promise: EventLoopPromise<Void>
    let queue = DispatchQueue(label: "snapdeck.s3.upload")

    init(fd: Int32, size: Int, path: String, control: TransferControl, writer: HTTPClient.Body.StreamWriter) {
        self.fd = fd
        self.size = size
        self.path = path
        self.control = control
        self.writer = writer
        promise = S3Client.http.eventLoopGroup.next().makePromise(of: Void.self)
    }

    func start() -> EventLoopFuture<Void> {
        queue.async { self.send(from: 0) }
        return promise.futureResult
    }

    private func send(from offset: Int) {
        guard offset < size else { return promise.succeed(()) }
        let chunk: ByteBuffer
        do throws(ObjectStoreError) {
            try control.check()
            chunk = try S3ObjectStore.read(fd: fd, offset: offset, count: min(Self.chunkSize, size - offset), path: path)
        } catch {
            return promise.fail(error)
        }
        writer.write(.byteBuffer(chunk)).whenComplete { result in
            switch result {
            case .success:
                self.control.advance(chunk.readableBytes)
                self.queue.async { self.send(from: offset + chunk.readableBytes) }
            case .failure(let error):
                self.promise.fail(error)
            }
        }
    }
}
