import Testing
@testable import MySQLWire

@Suite struct ResultSetWriterTests {
    private let classic = ResultSetWriter(capabilities: CapabilityFlags.snapDeckServer.subtracting(.deprecateEOF))
    private let deprecateEOF = ResultSetWriter(capabilities: .snapDeckServer)
    private let columns = ColumnDefinitionTests.expectedItemsColumns
    private let rows = TextRowTests.itemsRows

    /// SnapDeck's OK-FE carries a length-encoded empty info (`00`) that MariaDB leaves out.
    private func withDorisInfoByte(_ captured: String) -> [UInt8] {
        bytes(captured) + [0x00]
    }

    @Test func classicResultSetMatchesMariaDBByteForByte() {
        let payloads = classic.resultSet(columns: columns, rows: rows, status: [.inTransaction, .noIndexUsed])
        #expect(payloads == ResultCaptures.itemsClassic.map(bytes))
    }

    @Test func deprecateEOFResultSetDiffersOnlyInTheInfoByte() {
        let payloads = deprecateEOF.resultSet(columns: columns, rows: rows, status: [.autocommit, .noIndexUsed])
        var expected = ResultCaptures.itemsDeprecateEOF.map(bytes)
        expected[expected.count - 1] = withDorisInfoByte(ResultCaptures.itemsDeprecateEOF.last!)
        #expect(payloads == expected)
    }

    @Test func multiStatementResultsFlagAllButTheLast() {
        let one = ColumnDefinition41(name: "1", type: .long, columnLength: 1, characterSet: 63, flags: [.notNull, .binary])
        var two = one
        two.name = "2"
        let classicPayloads = classic.resultSet(columns: [one], rows: [["1"]], status: .autocommit, moreResultsFollow: true)
            + classic.resultSet(columns: [two], rows: [["2"]], status: .autocommit)
        #expect(classicPayloads == ResultCaptures.multiClassic.map(bytes))

        let modern = deprecateEOF.resultSet(columns: [one], rows: [["1"]], status: .autocommit, moreResultsFollow: true)
            + deprecateEOF.resultSet(columns: [two], rows: [["2"]], status: .autocommit)
        var expected = ResultCaptures.multiDeprecateEOF.map(bytes)
        expected[3] = withDorisInfoByte(ResultCaptures.multiDeprecateEOF[3])
        expected[7] = withDorisInfoByte(ResultCaptures.multiDeprecateEOF[7])
        #expect(modern == expected)
    }

    @Test func okBeforeAnotherResultCarriesMoreResults() {
        let ok = deprecateEOF.ok(status: .autocommit, info: "Rows matched: 1  Changed: 0  Warnings: 0", moreResultsFollow: true)
        #expect(ok == bytes(ResultCaptures.okThenResultDeprecateEOF[0]))
        let last = classic.ok(affectedRows: 2, status: [.autocommit, .moreResultsExist])
        #expect(hex(last) == "00020002000000")
    }

    @Test func statusPassesThroughExceptMoreResults() throws {
        let end = classic.end(status: [.inTransaction, .autocommit, .moreResultsExist], warnings: 1)
        #expect(try EOFPacket.decode(end) == EOFPacket(warnings: 1, status: [.inTransaction, .autocommit]))
        let more = deprecateEOF.end(status: .autocommit, moreResultsFollow: true)
        #expect(try OKPacket.decode(more).status == [.autocommit, .moreResultsExist])
    }

    @Test func noColumnsMeansAnOK() {
        #expect(classic.resultSet(columns: [], rows: [], status: .autocommit) == [bytes(HandshakeCaptures.loginOK)])
    }

    @Test func streamingPiecesAddUpToTheWholeResult() {
        let pieces = classic.header(columns: columns, status: [.inTransaction, .noIndexUsed])
            + rows.map(classic.row)
            + [classic.end(status: [.inTransaction, .noIndexUsed])]
        #expect(pieces == classic.resultSet(columns: columns, rows: rows, status: [.inTransaction, .noIndexUsed]))
        #expect(deprecateEOF.header(columns: columns, status: []).count == 1 + columns.count)
    }

    @Test func fieldListAndSetOptionReplies() throws {
        let fieldColumns = try ResultCaptures.fieldListClassic.dropLast().map { try FieldListColumn.decode(bytes($0)) }
        #expect(classic.fieldList(fieldColumns, status: .autocommit) == ResultCaptures.fieldListClassic.map(bytes))
        var expected = ResultCaptures.fieldListDeprecateEOF.map(bytes)
        expected[expected.count - 1] = withDorisInfoByte(ResultCaptures.fieldListDeprecateEOF.last!)
        #expect(deprecateEOF.fieldList(fieldColumns, status: .autocommit) == expected)

        #expect(classic.end(status: .autocommit) == bytes(ResultCaptures.setOptionReplyClassic))
        #expect(deprecateEOF.end(status: .autocommit) == withDorisInfoByte(ResultCaptures.setOptionReplyDeprecateEOF))
    }

    @Test func replyFramesFromOnePastTheRequest() {
        var sequence = SequenceCounter.reply(to: 0)
        let stream = PacketFramer.frame(classic.resultSet(columns: columns, rows: rows, status: [.inTransaction, .noIndexUsed]), sequence: &sequence)
        #expect(stream == wire(ResultCaptures.itemsClassic, firstSequenceID: 1))
    }
}
