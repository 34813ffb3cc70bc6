import Catalog
import Foundation
import SQLSyntax
import Testing

@Suite struct CatalogStoreTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID()).sqlite").path
    }

    @Test func changesPersistAcrossReopen() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let store = try CatalogStore(path: path)
            try store.write { tx in
                try tx.save(DatabaseRecord(id: try tx.nextId(), name: "sales", createdAt: 1))
                try tx.setConfig("k", "v")
            }
        }
        let reopened = try CatalogStore(path: path)
        #expect(reopened.snapshot.database(named: "sales") != nil)
        #expect(reopened.snapshot.config["k"] == "v")
    }

    struct Boom: Error {}

    @Test func aFailedWriteChangesNothingOnDiskOrInMemory() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try CatalogStore(path: path)
        try store.write { tx in try tx.save(DatabaseRecord(id: 1, name: "kept", createdAt: 1)) }
        #expect(throws: Boom.self) {
            try store.write { tx in
                try tx.save(DatabaseRecord(id: 2, name: "lost", createdAt: 1))
                try tx.deleteDatabase(1)
                throw Boom()
            }
        }
        #expect(store.snapshot.database(named: "kept") != nil)
        #expect(store.snapshot.database(named: "lost") == nil)
        let reopened = try CatalogStore(path: path)
        #expect(reopened.snapshot.databases.count == 1)
    }

    @Test func childIndexesFollowInsertsAndDeletes() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try CatalogStore(path: path)
        try store.write { tx in
            try tx.save(TabletRecord(id: 5, partitionId: 1, bucket: 1))
            try tx.save(TabletRecord(id: 4, partitionId: 1, bucket: 0))
            try tx.save(ReplicaRecord(id: 6, tabletId: 4, backendId: 10001))
        }
        #expect(store.snapshot.tablets(of: 1).map(\.id) == [4, 5])
        try store.write { tx in try tx.deleteTablet(5) }
        #expect(store.snapshot.tablets(of: 1).map(\.id) == [4])
        #expect(store.snapshot.replicas(of: 4).map(\.backendId) == [10001])
    }

    @Test func idsAreUniqueAndPersistent() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var first: [Int64] = []
        do {
            let store = try CatalogStore(path: path)
            first = try store.write { tx in try tx.nextIds(3) }
        }
        let second = try CatalogStore(path: path).write { tx in try tx.nextId() }
        #expect(Set(first).count == 3)
        #expect(second > first.max()!)
    }
}

/// Columns stored before aggregation types existed (catalog rows, snapshots' `__meta`) read as
/// columns without one, so old data directories and snapshots open unchanged.
@Suite struct ColumnAggregationDecodingTests {
    @Test func aColumnWithoutTheFieldHasNoAggregation() throws {
        let old = #"{"name":"v","type":{"bigint":{}},"nullable":true,"isKey":false,"comment":""}"#
        let column = try JSONDecoder().decode(Column.self, from: Data(old.utf8))
        #expect(column.aggregationType == nil)
        #expect(column.type == .bigint)
        var summed = column
        summed.aggregationType = .sum
        let again = try JSONDecoder().decode(Column.self, from: JSONEncoder().encode(summed))
        #expect(again.aggregationType == .sum)
    }
}
