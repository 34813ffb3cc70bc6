import Catalog
import SQLSyntax
import Storage
import Testing

/// The fold itself, without a cluster: key detection, load order and Doris's NULL rules.
@Suite struct RowFolderTests {
    @Test func foldsByEveryKeyColumnAndReturnsKeyOrder() {
        var folder = RowFolder(foldings: [nil, nil, .sum], types: [.int, .varchar(4), .bigint])
        folder.add([.int(2), .string("b"), .int(1)])
        folder.add([.int(1), .string("b"), .int(2)])
        folder.add([.int(2), .string("b"), .int(3)])
        folder.add([.int(2), .string("a"), .int(4)])
        #expect(folder.finish() == [
            [.int(1), .string("b"), .int(2)], [.int(2), .string("a"), .int(4)], [.int(2), .string("b"), .int(4)],
        ])
    }

    @Test func nullRulesFollowDoris() {
        let foldings: [AggregationType?] = [nil, .sum, .max, .min, .replace, .replaceIfNotNull]
        var folder = RowFolder(foldings: foldings, types: [.int, .int, .int, .int, .int, .int])
        folder.add([.int(1), .null, .null, .null, .int(1), .null])
        folder.add([.int(1), .int(4), .int(4), .int(4), .int(2), .int(7)])
        folder.add([.int(1), .null, .null, .null, .null, .null])
        folder.add([.int(1), .int(-1), .int(-1), .int(-1), .null, .null])
        #expect(folder.finish() == [[.int(1), .int(3), .int(4), .int(-1), .null, .int(7)]])
    }

    @Test func nullKeysAreOneKey() {
        var folder = RowFolder(foldings: [nil, .replace], types: [.int, .int])
        folder.add([.null, .int(1)])
        folder.add([.null, .int(2)])
        #expect(folder.finish() == [[.null, .int(2)]])
    }
}
