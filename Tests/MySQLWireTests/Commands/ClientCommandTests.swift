import Testing
@testable import MySQLWire

@Suite struct ClientCommandTests {
    @Test(arguments: [
        (ResultCaptures.itemsQuery, ClientCommand.query("SELECT id, big, price, name, d, ts FROM items ORDER BY id")),
        (ResultCaptures.multiQuery, .query("select 1; select 2")),
        (ResultCaptures.initDBNope, .initDB("nope")),
        (ResultCaptures.ping, .ping),
        (ResultCaptures.quit, .quit),
        (ResultCaptures.fieldListRequest, .fieldList(table: "items", wildcard: "")),
        (ResultCaptures.setOptionOff, .setOption(multiStatementsOn: false)),
    ])
    func capturedCommandsDecodeAndEncodeBack(captured: String, command: ClientCommand) throws {
        #expect(try ClientCommand.decode(bytes(captured)) == command)
        #expect(command.encode() == bytes(captured))
    }

    @Test func otherCommandsKeepTheirByte() throws {
        #expect(try ClientCommand.decode([0x16] + ascii("select ?")) == .other(Command.stmtPrepare.rawValue))
        #expect(try ClientCommand.decode([0x1F]) == .other(Command.resetConnection.rawValue))
        #expect(try ClientCommand.decode([0xEE]) == .other(0xEE))
        #expect(ClientCommand.other(0x19).encode() == [0x19])
    }

    @Test func setOptionOnAndFieldListWildcard() throws {
        #expect(try ClientCommand.decode([0x1B, 0, 0]) == .setOption(multiStatementsOn: true))
        #expect(ClientCommand.setOption(multiStatementsOn: true).encode() == [0x1B, 0, 0])
        let command = ClientCommand.fieldList(table: "items", wildcard: "n%")
        #expect(try ClientCommand.decode(command.encode()) == command)
    }

    @Test func commandBytesMatchTheProtocol() {
        let expected: [(Command, UInt8)] = [
            (.quit, 1), (.initDB, 2), (.query, 3), (.fieldList, 4), (.ping, 0x0E), (.stmtPrepare, 0x16),
            (.stmtExecute, 0x17), (.stmtClose, 0x19), (.stmtReset, 0x1A), (.setOption, 0x1B), (.resetConnection, 0x1F),
        ]
        for (command, byte) in expected {
            #expect(command.rawValue == byte)
        }
        #expect(Command.allCases.count == 32)
    }

    @Test func malformedCommandsThrowTypedErrors() {
        #expect(wireError { _ = try ClientCommand.decode([]) }?.isTruncated == true)
        #expect(wireError { _ = try ClientCommand.decode([0x1B, 0]) }?.isTruncated == true)
        #expect(wireError { _ = try ClientCommand.decode([0x1B, 2, 0]) }?.isMalformed == true)
        #expect(wireError { _ = try ClientCommand.decode([0x1B, 0, 0, 0]) }?.isMalformed == true)
        #expect(wireError { _ = try ClientCommand.decode([0x04] + ascii("items")) }?.isTruncated == true)
    }
}
