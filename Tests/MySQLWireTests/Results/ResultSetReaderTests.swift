import Testing
@testable import MySQLWire

@Suite struct ResultSetReaderTests {
    private let classicCaps = CapabilityFlags(rawValue: 0x003A_A20D)
    private let modernCaps = CapabilityFlags(rawValue: 0x013B_A20D)

    private func read(_ payloads: [String], capabilities: CapabilityFlags) throws -> (events: [ResultSetReader.Event], reader: ResultSetReader) {
        var reader = ResultSetReader(capabilities: capabilities)
        var events: [ResultSetReader.Event] = []
        for payload in payloads {
            if let event = try reader.consume(bytes(payload)) {
                events.append(event)
            }
        }
        return (events, reader)
    }

    @Test func classicResultSet() throws {
        let (events, reader) = try read(ResultCaptures.itemsClassic, capabilities: classicCaps)
        #expect(events == [
            .columns(ColumnDefinitionTests.expectedItemsColumns),
            .row(TextRowTests.itemsRows[0]), .row(TextRowTests.itemsRows[1]),
            .end(status: [.inTransaction, .noIndexUsed], warnings: 0),
        ])
        #expect(reader.isComplete)
        #expect(reader.columns.map(\.name) == ["id", "big", "price", "name", "d", "ts"])
    }

    @Test func deprecateEOFResultSet() throws {
        let (events, reader) = try read(ResultCaptures.itemsDeprecateEOF, capabilities: modernCaps)
        #expect(events.first == .columns(ColumnDefinitionTests.expectedItemsColumns))
        #expect(events.last == .end(status: [.autocommit, .noIndexUsed], warnings: 0))
        #expect(events.count == 4)
        #expect(reader.isComplete)
    }

    @Test func readsWhatSnapDeckWrites() throws {
        for capabilities in [classicCaps, modernCaps] {
            let writer = ResultSetWriter(capabilities: capabilities)
            let payloads = writer.resultSet(columns: ColumnDefinitionTests.expectedItemsColumns, rows: TextRowTests.itemsRows, status: .autocommit, moreResultsFollow: true)
                + [writer.ok(affectedRows: 3, status: .autocommit)]
            let (events, reader) = try read(payloads.map(hex), capabilities: capabilities)
            #expect(events.count == 5)
            #expect(events[3] == .end(status: [.autocommit, .moreResultsExist], warnings: 0))
            #expect(events[4] == .ok(OKPacket(affectedRows: 3, status: .autocommit)))
            #expect(reader.isComplete)
        }
    }

    @Test(arguments: [(ResultCaptures.multiClassic, false), (ResultCaptures.multiDeprecateEOF, true)])
    func multiStatementReplyHasTwoResults(payloads: [String], modern: Bool) throws {
        var reader = ResultSetReader(capabilities: modern ? modernCaps : classicCaps)
        var ends: [ServerStatus] = []
        var rows: [[String?]] = []
        for payload in payloads {
            #expect(!reader.isComplete)
            switch try reader.consume(bytes(payload)) {
            case .end(let status, _): ends.append(status)
            case .row(let values): rows.append(values)
            default: break
            }
        }
        #expect(ends == [[.autocommit, .moreResultsExist], .autocommit])
        #expect(rows == [["1"], ["2"]])
        #expect(reader.isComplete)
    }

    @Test func errorAfterAFlaggedResultEndsTheReply() throws {
        let (events, reader) = try read(ResultCaptures.multiWithErrorClassic, capabilities: classicCaps)
        #expect(events.count == 4)
        guard case .error(let error) = events.last else {
            Issue.record("expected an error, got \(String(describing: events.last))")
            return
        }
        #expect(error.code == 1064)
        #expect(reader.isComplete)
    }

    @Test func okThenResult() throws {
        let (events, reader) = try read(ResultCaptures.okThenResultDeprecateEOF, capabilities: modernCaps)
        #expect(events.first == .ok(OKPacket(status: [.autocommit, .moreResultsExist], info: "Rows matched: 1  Changed: 0  Warnings: 0")))
        #expect(events.dropFirst().first == .columns([ColumnDefinition41(name: "3", type: .long, columnLength: 1, characterSet: 63, flags: [.notNull, .binary])]))
        #expect(events.last == .end(status: .autocommit, warnings: 0))
        #expect(reader.isComplete)
    }

    @Test func singlePacketReplies() throws {
        #expect(try read([ResultCaptures.updateOK], capabilities: classicCaps).events == [.ok(try OKPacket.decode(bytes(ResultCaptures.updateOK)))])
        #expect(try read([ResultCaptures.unknownDatabase], capabilities: classicCaps).events == [.error(.unknownDatabase("nope"))])
        #expect(try read([ResultCaptures.setOptionReplyClassic], capabilities: classicCaps).events == [.end(status: .autocommit, warnings: 0)])
        #expect(try read([ResultCaptures.setOptionReplyDeprecateEOF], capabilities: modernCaps).events == [.end(status: .autocommit, warnings: 0)])
        #expect(try read(["fb" + hex(ascii("/tmp/x.csv"))], capabilities: classicCaps).events == [.localInfileRequest("/tmp/x.csv")])
    }

    @Test func terminatorDetectionByLength() {
        let nineBytes = [0xFE] + [UInt8](repeating: 0, count: 8)
        #expect(ResultSetReader.isEndOfRows(bytes("fe00002200"), capabilities: classicCaps))
        #expect(!ResultSetReader.isEndOfRows(nineBytes, capabilities: classicCaps))
        #expect(ResultSetReader.isEndOfRows(nineBytes, capabilities: modernCaps))
        #expect(!ResultSetReader.isEndOfRows([0xFE] + [UInt8](repeating: 0, count: 0xFF_FFFE), capabilities: modernCaps))
        #expect(!ResultSetReader.isEndOfRows(bytes("0132fbfb00fbfb"), capabilities: modernCaps))
    }

    /// A value of 2^24 bytes gets an `FE` length prefix, so its row starts like a terminator;
    /// both EOF modes must read it as a row.
    @Test func rowStartingWithFEIsARow() throws {
        let value = String(repeating: "v", count: 1 << 24)
        let row = TextRow.encode([value])
        #expect(row.first == 0xFE)
        for capabilities in [classicCaps, modernCaps] {
            let writer = ResultSetWriter(capabilities: capabilities)
            let column = ColumnDefinition41(name: "v", type: .blob, columnLength: 0xFFFF_FFFF)
            var reader = ResultSetReader(capabilities: capabilities)
            var rows = 0
            for payload in writer.resultSet(columns: [column], rows: [[value]], status: .autocommit) {
                if case .row(let values) = try reader.consume(payload) {
                    rows += 1
                    #expect(values.first??.utf8.count == 1 << 24)
                }
            }
            #expect(rows == 1)
            #expect(reader.isComplete)
        }
    }

    @Test func misuseAndMalformedRepliesThrow() throws {
        var done = ResultSetReader(capabilities: classicCaps)
        _ = try done.consume(bytes(ResultCaptures.pingOK))
        #expect(wireError { _ = try done.consume(bytes(ResultCaptures.pingOK)) }?.isMalformed == true)

        var badRow = ResultSetReader(capabilities: classicCaps)
        for payload in ResultCaptures.itemsClassic.prefix(8) {
            _ = try badRow.consume(bytes(payload))
        }
        #expect(wireError { _ = try badRow.consume(bytes("0131")) }?.isTruncated == true)

        var missingEOF = ResultSetReader(capabilities: classicCaps)
        _ = try missingEOF.consume(bytes("01"))
        _ = try missingEOF.consume(bytes(ResultCaptures.multiClassic[1]))
        #expect(wireError { _ = try missingEOF.consume(bytes("0131")) }?.isMalformed == true)

        var trailing = ResultSetReader(capabilities: classicCaps)
        #expect(wireError { _ = try trailing.consume(bytes("0100")) }?.isMalformed == true)

        var failing = ResultSetReader(capabilities: classicCaps)
        _ = try failing.consume(bytes("02"))
        #expect(try failing.consume(bytes(ResultCaptures.syntaxError)) == .error(try ErrPacket.decode(bytes(ResultCaptures.syntaxError))))
        #expect(failing.isComplete)
    }
}
