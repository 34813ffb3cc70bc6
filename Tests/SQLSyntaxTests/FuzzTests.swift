import FuzzSupport
import SQLSyntax
import Testing

/// Mutated statements must each produce a statement or a well-formed syntax error, the same way
/// every time, without trapping or hanging.
@Suite struct FuzzTests {
    static let mutantCount = 100_000

    private func checkWellFormed(_ result: Result<Statement, SyntaxError>, for input: String) {
        guard case .failure(let error) = result else { return }
        let lineCount = input.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        #expect(error.near.count <= 80, "\(input.debugDescription)")
        #expect((1...lineCount).contains(error.line), "\(input.debugDescription)")
        // A construct SnapDeck refuses by name (a JOIN) quotes nothing.
        #expect(error.isUnsupported || error.message.hasSuffix("near '\(error.near)' at line \(error.line)"))
    }

    @Test func mutatedCorpusNeverTraps() {
        let corpus = ValidCorpus.statements
        let mutator = StatementMutator(corpus: corpus)
        var generator = SplitMix64(seed: 0x5EED_0F_5A_AD_DEC4)
        var accepted = 0
        for index in 0..<Self.mutantCount {
            let mutant = mutator.mutant(using: &generator)
            let result = parseResult(mutant)
            if case .success = result { accepted += 1 }
            checkWellFormed(result, for: mutant)
            // Determinism: a second parse of the same text gives the same answer.
            if index % 4 == 0 { #expect(parseResult(mutant) == result, "\(mutant.debugDescription)") }
            if index % 16 == 0 {
                _ = ScriptSplitter.split(mutant)
                _ = HelpTopics.text(for: mutant)
            }
        }
        // Some mutations (case changes, duplicated whitespace) keep statements valid; most break
        // them. Both outcomes must occur, or the mutator is not doing its job.
        #expect(accepted > 0)
        #expect(accepted < Self.mutantCount / 2)
    }

    @Test func everyCorpusStatementParses() {
        for statement in ValidCorpus.statements {
            #expect(syntaxError(statement) == nil, "\(statement)")
        }
    }

    /// A huge input with a short name, so test reports stay readable.
    struct HugeInput: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let text: String
    }

    static let hugeInputs = [
        HugeInput(testDescription: "200k open parens", text: String(repeating: "(", count: 200_000)),
        HugeInput(
            testDescription: "IN list nested 100k deep",
            text: "SELECT * FROM t WHERE a IN " + String(repeating: "(", count: 100_000) + "1"),
        HugeInput(
            testDescription: "partition tuples nested 100k deep",
            text: "CREATE TABLE t (a INT) PARTITION BY LIST(a) (PARTITION p VALUES IN "
                + String(repeating: "((", count: 50_000)),
        HugeInput(
            testDescription: "500k-character identifier",
            text: "USE " + String(repeating: "x", count: 500_000)),
        HugeInput(
            testDescription: "200k-character CJK backquoted identifier",
            text: "USE `" + String(repeating: "表", count: 200_000) + "`"),
        HugeInput(
            testDescription: "50k values in one row",
            text: "INSERT INTO t VALUES (" + Array(repeating: "1", count: 50_000).joined(separator: ",") + ")"),
        HugeInput(testDescription: "10k NULs", text: String(repeating: "\0", count: 10_000)),
        HugeInput(testDescription: "odd run of quotes", text: String(repeating: "'", count: 10_001)),
        HugeInput(testDescription: "odd run of backquotes", text: String(repeating: "`", count: 9_999)),
        HugeInput(testDescription: "10k comment openers", text: String(repeating: "/*", count: 10_000)),
        HugeInput(testDescription: "10k line comments", text: String(repeating: "-- x\n", count: 10_000)),
        HugeInput(testDescription: "10k backslashes", text: String(repeating: "\\", count: 10_000)),
        HugeInput(testDescription: "10k semicolons", text: String(repeating: ";", count: 10_000)),
        HugeInput(
            testDescription: "30k select items",
            text: "SELECT " + Array(repeating: "a", count: 30_000).joined(separator: ", ") + " FROM t"),
        HugeInput(
            testDescription: "20k predicates",
            text: "SELECT * FROM t WHERE "
                + Array(repeating: "a = 1", count: 20_000).joined(separator: " AND ")),
    ]

    @Test(arguments: hugeInputs)
    func pathologicalInputsFinish(_ input: HugeInput) {
        let result = parseResult(input.text)
        checkWellFormed(result, for: input.text)
        _ = ScriptSplitter.split(input.text)
    }
}
