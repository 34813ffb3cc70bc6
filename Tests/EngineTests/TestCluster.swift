import Engine
import Foundation
import SQLSyntax

/// A cluster in a fresh temporary data directory, with helpers to run SQL in tests.
final class TestCluster {
    let path: String
    var cluster: Cluster?
    var session = Session()

    init(backends: Int = 3) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("snapdeck-test-\(UUID())").path
        cluster = try Cluster.open(path: path, backends: backends)
    }

    deinit {
        cluster = nil
        // The data directory and everything a test put beside it (repositories, CSV files).
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(name) {
            try? FileManager.default.removeItem(atPath: folder + "/" + entry)
        }
    }

    /// Runs a script's statements, split as the product splits them (a `;` inside quotes stays
    /// in its statement), and returns the last result.
    @discardableResult
    func sql(_ text: String) throws -> ResultSet {
        var last = ResultSet()
        let (statements, remainder) = ScriptSplitter.split(text)
        for statement in statements.map(\.text) + (ScriptSplitter.isBlank(remainder) ? [] : [remainder]) {
            last = try cluster!.execute(statement, session: &session)
        }
        return last
    }

    /// The error a statement fails with (nil when it succeeds).
    func error(_ text: String) -> SQLError? {
        do {
            try sql(text)
            return nil
        } catch let error as SQLError {
            return error
        } catch {
            return SQLError(String(describing: error))
        }
    }

    func scalar(_ text: String) throws -> String? {
        try sql(text).rows.first?.first ?? nil
    }

    /// Closes and reopens the data directory, as a restart would. The closed cluster lets go
    /// of the directory when its last running task lets go of it (a stalled transfer may
    /// hold it a moment longer), so the open is retried while this process still owns it.
    func reopen() throws {
        cluster = nil
        let deadline = Date().addingTimeInterval(30)
        let stillOurs = "is in use by process \(getpid())"
        while true {
            let outcome = Result { () throws(SQLError) -> Cluster in try Cluster.open(path: path) }
            if case .failure(let error) = outcome, error.message.contains(stillOurs) || error.message.hasSuffix("in use by process unknown"), Date() < deadline {
                usleep(20_000)
                continue
            }
            cluster = try outcome.get()
            return
        }
    }

    func writeFile(_ name: String, _ contents: String) throws -> String {
        let file = path + "-" + name
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}
