import Essentials
import Testing
@testable import Console

@Suite struct RobustnessTests {
    /// A small deterministic generator, so a failure replays exactly.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let keys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace, .delete,
        .control("l"), .control("u"), .control("w"), .character(" "), .character("j"), .character("k"), .character("g"),
        .character("G"), .character("/"), .character(":"), .character("?"), .character("<"), .character(">"), .character("Z"),
        .character("y"), .character("b"), .character("r"), .character("n"), .character("c"), .character("D"), .character("v"),
        .character("1"), .character("2"), .character("3"), .character("4"), .character("5"), .character("6"), .character("7"),
        .character("遥"), .character("x"), .character("h"), .character("l"), .character("i"), .character("q"),
    ]

    @Test func randomKeysAndSizesNeverBreakTheScreen() {
        var generator = Generator(state: 42)
        var state = Fixtures.state()
        var modalsSeen = 0
        for step in 0..<1500 {
            let effects: [Effect]
            switch generator.next(20) {
            case 0:
                effects = reduce(&state, .resized(width: 40 + generator.next(140), height: 10 + generator.next(50)))
            case 1:
                effects = reduce(&state, .tick(now: Fixtures.now + Double(step)))
            case 2:
                var jobs = Fixtures.defaultJobs
                jobs.shuffle(using: &generator)
                effects = reduce(&state, .snapshot(Fixtures.cluster(sequence: step, jobs: Array(jobs.prefix(generator.next(4))))))
            default:
                effects = reduce(&state, .key(Self.keys[generator.next(Self.keys.count)]))
            }
            for effect in effects {
                switch effect {
                case .runSQL(let id, _):
                    let result: SQLResult = generator.next(2) == 0 ? .failure("ERROR 1105 (HY000): no") : SQLResult(message: "Query OK")
                    _ = reduce(&state, .sqlFinished(id: id, result: result))
                case .loadSnapshotDetail(let repository, let label, let timestamp):
                    _ = reduce(&state, .snapshotDetailLoaded(repository: repository, label: label, timestamp: timestamp,
                                                             contents: SnapshotContents.parse(Fixtures.nightlyBrief), error: nil))
                case .quit:
                    state.modal = nil
                default:
                    break
                }
            }
            if state.modal != nil { modalsSeen += 1 }
            let buffer = Screen.render(state, width: state.width, height: state.height, theme: .standard())
            #expect(buffer.textLines().count == state.height)
            #expect(buffer.textLines().allSatisfy { DisplayWidth.of($0) <= state.width }, "step \(step)")
            if let cursor = buffer.cursor {
                #expect(cursor.x >= 0 && cursor.x <= state.width && cursor.y >= 0 && cursor.y < state.height, "step \(step)")
            }
        }
        #expect(modalsSeen > 100, "the walk spent time in dialogs, confirmations and prompts")
    }

    @Test func degenerateSizesRenderWithoutCrashing() {
        for (width, height) in [(0, 0), (1, 1), (5, 200), (300, 3)] {
            let buffer = Screen.render(Fixtures.state(), width: width, height: height, theme: .monochrome())
            #expect(buffer.width == width && buffer.height == height)
        }
    }
}

extension RobustnessTests.Generator: RandomNumberGenerator {
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
}
