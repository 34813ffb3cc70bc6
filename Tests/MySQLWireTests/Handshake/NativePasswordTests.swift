import Testing
@testable import MySQLWire

@Suite struct NativePasswordTests {
    private let secretHash = "*14E65567ABDB5135D0CFD9A70B3032C179A49EE7"

    @Test func storedHashMatchesMariaDB() {
        #expect(NativePassword.storedHash(password: "secret") == secretHash)
        #expect(NativePassword.storedHash(password: "") == NativePassword.emptyPasswordStoredHash)
        #expect(NativePassword.emptyPasswordStoredHash == "")
    }

    @Test func storedHashParsesBack() throws {
        let parsed = try #require(NativePassword.storedHashBytes(fromStoredHash: secretHash))
        #expect(hex(parsed) == "14e65567abdb5135d0cfd9a70b3032c179a49ee7")
        #expect(NativePassword.storedHashBytes(fromStoredHash: secretHash.lowercased()) == parsed)
        #expect(NativePassword.storedHashBytes(fromStoredHash: "") == [])
        for bad in ["14E65567ABDB5135D0CFD9A70B3032C179A49EE7", "*14E65567ABDB5135D0CFD9A70B3032C179A49EE", "*14E65567ABDB5135D0CFD9A70B3032C179A49EG7",
                    "*", "secret", "*14E65567ABDB5135D0CFD9A70B3032C179A49EE70"] {
            #expect(NativePassword.storedHashBytes(fromStoredHash: bad) == nil, "\(bad)")
        }
    }

    /// Each login's scramble, recomputed from the captured greeting's salt, equals what the real
    /// client sent, and the server-side check accepts it.
    @Test(arguments: [
        (HandshakeCaptures.pymysqlGreeting, HandshakeCaptures.pymysqlResponse),
        (HandshakeCaptures.connectorGreeting, HandshakeCaptures.connectorResponse),
        (HandshakeCaptures.cliGreeting, HandshakeCaptures.cliResponse),
    ])
    func capturedLoginsVerify(greeting: String, response: String) throws {
        let salt = try HandshakeV10.decode(bytes(greeting)).salt
        let reply = try HandshakeResponse41.decode(bytes(response)).authResponse
        let stored = try #require(NativePassword.storedHashBytes(fromStoredHash: secretHash))
        #expect(NativePassword.scramble(password: "secret", salt: salt) == reply)
        #expect(NativePassword.verify(reply: reply, salt: salt, storedHashBytes: stored))
        #expect(!NativePassword.verify(reply: reply, salt: Array(salt.reversed()), storedHashBytes: stored))
    }

    @Test func capturedWrongPasswordIsRejected() throws {
        let salt = try HandshakeV10.decode(bytes(HandshakeCaptures.badPasswordGreeting)).salt
        let reply = try HandshakeResponse41.decode(bytes(HandshakeCaptures.badPasswordResponse)).authResponse
        let stored = try #require(NativePassword.storedHashBytes(fromStoredHash: secretHash))
        #expect(!NativePassword.verify(reply: reply, salt: salt, storedHashBytes: stored))
        #expect(NativePassword.scramble(password: "wrong", salt: salt) == reply)
        #expect(try ErrPacket.decode(bytes(HandshakeCaptures.accessDenied)) == .accessDenied(user: "snap", host: "localhost", usingPassword: true))
    }

    @Test func capturedAuthSwitchReplyVerifiesAgainstTheSwitchSalt() throws {
        let greetingSalt = try HandshakeV10.decode(bytes(HandshakeCaptures.switchGreeting)).salt
        let request = try AuthSwitchRequest.decode(bytes(HandshakeCaptures.authSwitch))
        #expect(request.challenge == greetingSalt)
        let stored = try #require(NativePassword.storedHashBytes(fromStoredHash: secretHash))
        #expect(NativePassword.verify(reply: bytes(HandshakeCaptures.authSwitchReply), salt: request.challenge, storedHashBytes: stored))
    }

    @Test func emptyPasswordMatchesOnlyAnEmptyReply() throws {
        let salt = ascii("abcdefghijklmnopqrst")
        let stored = try #require(NativePassword.storedHashBytes(fromStoredHash: secretHash))
        let empty = try #require(NativePassword.storedHashBytes(fromStoredHash: NativePassword.storedHash(password: "")))
        #expect(NativePassword.scramble(password: "", salt: salt) == [])
        #expect(NativePassword.verify(reply: [], salt: salt, storedHashBytes: empty))
        #expect(!NativePassword.verify(reply: [], salt: salt, storedHashBytes: stored))
        #expect(!NativePassword.verify(reply: NativePassword.scramble(password: "x", salt: salt), salt: salt, storedHashBytes: empty))
        #expect(!NativePassword.verify(reply: Array(repeating: 1, count: 19), salt: salt, storedHashBytes: stored))
    }
}
