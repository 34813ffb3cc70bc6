import CSupport
import Catalog
import SQLSyntax

/// The rows of one load on their way to disk: routed to their tablets and encoded into one
/// growing segment per tablet, within a memory budget.
///
/// When the encoded bytes held reach `budget`, `isFull` says so and the caller takes the
/// fullest segments out (`takeFullest`) to write them; later rows of those tablets start new
/// segments. A big load thus becomes several segments per tablet, each its own rowset of the
/// load's one version; a load that fits the budget stays one segment per tablet.
public struct LoadSpool {
    /// A finished segment of one tablet, not yet written.
    public struct Segment: Sendable {
        public var tabletId: ObjectID
        public var rowCount: Int64
        public var bytes: [UInt8]
    }

    public private(set) var router: RowRouter
    public let budget: Int
    private let types: [ColumnType]
    private var builders: [SegmentBuilder?]
    /// Encoded bytes of the segments held.
    public private(set) var bufferedBytes = 0
    /// Rows added so far, written or held.
    public private(set) var rowCount = 0

    public init(table: TableRecord, catalog: CatalogState, budget: Int) {
        _ = largeBuffersAreMapped
        router = RowRouter(table: table, catalog: catalog)
        self.budget = max(1, budget)
        types = table.columns.map(\.type)
        builders = Array(repeating: nil, count: router.tablets.count)
    }

    /// Whether the held segments have reached the budget.
    public var isFull: Bool { bufferedBytes >= budget }

    /// Routes and appends one row (one value per table column, already converted and checked).
    public mutating func add(_ row: [Value]) throws(NoPartitionForRow) {
        let slot = try router.slot(for: row)
        if builders[slot] == nil {
            let header = SegmentBuilder(types: types)
            bufferedBytes += header.bytes.count
            builders[slot] = header
        }
        let before = builders[slot]!.bytes.count
        builders[slot]!.append(row)
        bufferedBytes += builders[slot]!.bytes.count - before
        rowCount += 1
    }

    /// Takes out the largest segments, until at least half the budget is taken: the biggest
    /// files for the memory freed, and fewer, larger writes than one tablet at a time.
    public mutating func takeFullest() -> [Segment] {
        let order = builders.indices.filter { builders[$0] != nil }
            .sorted { builders[$0]!.bytes.count > builders[$1]!.bytes.count }
        var taken: [Segment] = []
        var freed = 0
        for slot in order where freed < budget / 2 || taken.isEmpty {
            freed += builders[slot]!.bytes.count
            taken.append(take(slot))
        }
        return taken
    }

    /// Takes out every segment held, in tablet order.
    public mutating func takeAll() -> [Segment] {
        builders.indices.filter { builders[$0] != nil }.map { take($0) }
    }

    private mutating func take(_ slot: Int) -> Segment {
        var builder = builders[slot]!
        builders[slot] = nil
        let bytes = builder.finish()
        bufferedBytes -= bytes.count
        return Segment(tabletId: router.tablets[slot], rowCount: builder.rowCount, bytes: bytes)
    }
}

/// Makes glibc serve every allocation of 1 MiB or more with its own mapping, given back to the
/// system when freed. By default glibc raises that threshold to the largest block freed so far
/// (up to 32 MiB), after which a load's segment buffers come from the heap, and freed ones
/// stay resident: a 64 MiB load buffer then costs about 40 MB more (measured on a 1 GB load),
/// and a long-running dashboard keeps it after the load. Set once, at the first load.
private let largeBuffersAreMapped: Void = {
    _ = snapdeck_map_allocations_from(1 << 20)
}()
