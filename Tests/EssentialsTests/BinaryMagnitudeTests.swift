import Essentials
import Testing

@Suite struct BinaryMagnitudeTests {
    @Test func countsStepByKibibytesUpToTebibytes() {
        #expect(BinaryMagnitude(0) == BinaryMagnitude(0) && BinaryMagnitude(0).power == 0)
        #expect(BinaryMagnitude(1023).power == 0 && BinaryMagnitude(1023).amount == 1023)
        #expect(BinaryMagnitude(1024).power == 1 && BinaryMagnitude(1024).amount == 1)
        #expect(BinaryMagnitude(1536).amount == 1.5)
        #expect(BinaryMagnitude(5 << 30).power == 3 && BinaryMagnitude(5 << 30).amount == 5)
        // Past tebibytes the amount grows instead of running out of units.
        let huge = BinaryMagnitude(Int64(2048) << 40)
        #expect(huge.power == 4 && huge.amount == 2048)
    }
}
