import Foundation
import Remote
import Testing

@Suite struct ConnectionsFileTests {
    @Test func parsesSectionsKeysCommentsAndBothQuoteStyles() throws {
        let text = """
            # saved by hand
            [prod]
            host = "fe1.example.com"  # the leader
            port = 9031
            user = 'ops'
            password = "p\\"w\\\\x"

            [lab-2]
            host = "10.0.0.2"
            database = "shop"
            """
        let connections = try ConnectionsFileFormat.parse(text, file: "c.toml")
        #expect(connections == [
            SavedConnection(name: "prod", host: "fe1.example.com", port: 9031, user: "ops", password: "p\"w\\x"),
            SavedConnection(name: "lab-2", host: "10.0.0.2", database: "shop"),
        ])
        #expect(try ConnectionsFileFormat.parse(ConnectionsFileFormat.render(connections), file: "c.toml") == connections)
    }

    @Test func errorsNameTheLineAndNeverQuoteAValue() {
        func error(_ text: String) -> String {
            do {
                _ = try ConnectionsFileFormat.parse(text, file: "c.toml")
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(error("host = \"x\"") == "c.toml:1: 'host' comes before any [name] section")
        #expect(error("[a]\nport = 99999") == "c.toml:2: port must be a number from 1 to 65535")
        #expect(error("[a]\ncolour = \"red\"").hasPrefix("c.toml:2: unknown key 'colour'"))
        #expect(error("[a]\n[a]") == "c.toml:2: connection 'a' is defined twice")
        #expect(error("[a b]").hasPrefix("c.toml:1: a connection name may hold"))
        #expect(error("[a]\nhost = \"x\"\nhost = \"y\"") == "c.toml:3: 'host' is set twice")
        let unterminated = error("[a]\npassword = \"hunter2")
        #expect(unterminated == "c.toml:2: the value of 'password' must be a quoted string (\"…\" or '…')")
        #expect(!unterminated.contains("hunter2"))
    }

    @Test func savingWritesMode0600InAFolderOf0700AndAnOpenFileIsRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("snapdeck-conn-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }  // temporary files only
        let file = ConnectionsFile.standard(environment: ["XDG_CONFIG_HOME": root])
        #expect(file.path == root + "/snapdeck/connections.toml")
        #expect(try file.load() == [], "no file, no connections")
        try file.save([SavedConnection(name: "prod", host: "fe1", password: "secret")])
        #expect(try mode(of: file.path) == 0o600)
        #expect(try mode(of: root + "/snapdeck") == 0o700)
        #expect(try file.connection(named: "prod")?.password == "secret")

        #expect(chmod(file.path, 0o644) == 0)
        do {
            _ = try file.load()
            Issue.record("a file others can read was read")
        } catch {
            #expect(error == .tooOpen(file: file.path, mode: 0o644))
            #expect(error.description.contains("chmod 600 \(file.path)"))
        }
    }

    private func mode(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
    }
}

@Suite struct PasswordArgumentsTests {
    @Test func aBarePasswordOptionBecomesThePromptFlag() {
        #expect(PasswordArguments.rewrite(["sql", "-h", "fe1", "-p"]) == ["sql", "-h", "fe1", "--password-prompt"])
        #expect(PasswordArguments.rewrite(["sql", "--password", "-e", "SELECT 1"]) == ["sql", "--password-prompt", "-e", "SELECT 1"])
    }

    @Test func valuesAndJoinedPasswordsAreLeftAlone() {
        #expect(PasswordArguments.rewrite(["sql", "-psecret", "--password=x"]) == ["sql", "-psecret", "--password=x"])
        #expect(PasswordArguments.rewrite(["sql", "-e", "-p", "-u", "-p"]) == ["sql", "-e", "-p", "-u", "-p"])
        #expect(PasswordArguments.rewrite(["sql", "--", "-p"]) == ["sql", "--", "-p"])
    }
}
