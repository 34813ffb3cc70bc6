import Engine
import Foundation
import SQLSyntax

/// Runs a script statement by statement on a `StatementTarget`, printing each result as the
/// mysql client would and errors to stderr. Stops at the first error unless `force`.
struct ScriptRunner {
    let target: StatementTarget
    let format: OutputFormat
    let force: Bool

    /// Returns false if any statement failed.
    @discardableResult
    func run(_ script: String, echo: Bool = true) -> Bool {
        let (statements, remainder) = ScriptSplitter.split(script)
        // Like the mysql client, a last statement without a terminator still runs.
        var pieces = statements.map { ($0.text, $0.terminator == .vertical) }
        if !ScriptSplitter.isBlank(remainder) { pieces.append((remainder, false)) }
        var ok = true
        for (text, vertical) in pieces {
            if !runOne(text, vertical: vertical, echo: echo) {
                ok = false
                if !force { break }
            }
        }
        return ok
    }

    func runOne(_ text: String, vertical: Bool, echo: Bool = true) -> Bool {
        let started = DispatchTime.now()
        do {
            let result = try target.execute(text)
            guard echo else { return true }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            let chosen: OutputFormat = vertical ? .vertical : format
            FileHandle.standardOutput.write(Data(ResultFormatter(format: chosen).render(result, seconds: seconds).utf8))
            return true
        } catch {
            printError(error)
            return false
        }
    }
}
