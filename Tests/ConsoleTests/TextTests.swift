import Testing
@testable import Console

@Suite struct TextTests {
    @Test func sanitizerStopsControlSequences() {
        #expect(TextSanitizer.clean("ok\u{1B}[2Jgone") == "ok^[[2Jgone")
        #expect(TextSanitizer.clean("line1\nline2\ttab\r") == "line1 line2 tab ")
        #expect(TextSanitizer.clean("a\u{7F}b\u{9B}c") == "a?b?c")
        #expect(TextSanitizer.clean("abc\u{202E}def") == "abcdef")
        #expect(TextSanitizer.clean("遥测") == "遥测")
    }

    @Test func formats() {
        #expect(Format.bytes(748_422) == "731 KiB")
        #expect(Format.bytes(6_521_981) == "6.22 MiB")
        #expect(Format.bytes(512) == "512 B")
        #expect(Format.compactBytes(4_100_000) == "3.9M")
        #expect(Format.count(1_234_567) == "1,234,567")
        #expect(Format.estimate(bytes: 3_145_728, rate: 1_048_576) == "about 3s at 1.00 MiB/s")
    }
}

@Suite struct CellBufferTests {
    @Test func wideCharactersTakeTwoCellsAndClipWhole() {
        var buffer = CellBuffer(width: 6, height: 1)
        let used = buffer.put("a遥测b", x: 0, y: 0)
        #expect(used == 6)
        #expect(buffer.textLines() == ["a遥测b"])
        #expect(buffer[2, 0].isContinuation)
        var clipped = CellBuffer(width: 4, height: 1)
        clipped.put("a遥测", x: 0, y: 0)
        #expect(clipped.textLines() == ["a遥"], "a wide character that does not fit is not drawn by half")
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("遥测", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)
        #expect(buffer.textLines() == [" x测"])
    }

    @Test func writesAreSanitisedAndMasked() {
        var buffer = CellBuffer(width: 12, height: 2)
        buffer.put("\u{1B}[31mred", x: 0, y: 0, role: .error)
        buffer.put("ok", x: 2, y: 1, role: .finished)
        #expect(buffer.textLines() == ["^[[31mred", "  ok"])
        #expect(buffer.styleMask() == ["EEEEEEEEE", "..FF"])
    }
}

@Suite struct ModelTests {
    @Test func jobRowReadsShowFullColumns() {
        let job = JobRow(
            kind: .backup,
            columns: ["JobId", "SnapshotName", "DbName", "State", "UnfinishedTasks", "TaskErrMsg", "Status", "CreateTime",
                      "FinishedTime", "FilesDone", "FilesTotal", "BytesDone", "BytesTotal", "Throughput", "ETA"],
            values: ["11939", "nightly", "retail", "UPLOADING", "[11403=10003], [11406=10001]", "", "[OK]", "2026-11-26 15:25:31",
                     nil, "250", "396", "4100000", "6521981", "1.5 MiB/s", "1m2s"]
        )
        #expect(job.jobId == 11939 && job.label == "nightly" && job.database == "retail")
        #expect(job.unfinishedTaskIds == ["11403", "11406"])
        #expect(job.throughput == 1.5 * 1_048_576)
        #expect(job.eta == 62)
        #expect(job.cell("FinishedTime") == nil)
        #expect(job.isActive && job.phase == .running)
        #expect(job.phases.map(\.phase) == ["Created", "Snapshot finished", "Upload finished", "Finished"])
    }

    /// The exact columns `snapdeck sql -e "SHOW FULL BACKUP FROM retail"` prints today.
    @Test func jobRowReadsTheEnginesShowFullBackupRow() {
        let columns = ["JobId", "SnapshotName", "DbName", "State", "BackupObjs", "CreateTime", "SnapshotFinishedTime",
                       "UploadFinishedTime", "FinishedTime", "UnfinishedTasks", "Progress", "TaskErrMsg", "Status", "Timeout",
                       "FilesDone", "FilesTotal", "BytesDone", "BytesTotal", "Throughput", "ETA"]
        let values: [String?] = ["11940", "n2", "retail", "FINISHED", "[retail.customers], [retail.ordersPARTITIONS (p202501, p202502)]",
                                 "2026-11-26 15:25:53", "2026-11-26 15:25:53", "2026-11-26 15:25:53", "2026-11-26 15:25:53", "", "", "",
                                 "[OK]", "3600", "68", "68", "1555771", "1555771", nil, nil]
        let job = JobRow(kind: .backup, columns: columns, values: values)
        #expect(job.cells.count == 20)
        #expect(job.state == "FINISHED" && !job.isActive)
        #expect(job.fraction == 1)
        #expect(job.throughput == nil && job.eta == nil)
        #expect(job.bytesTotal == 1_555_771 && job.filesTotal == 68)
        #expect(job.unfinishedTaskIds.isEmpty)
        #expect(JobText.elapsed(job, now: 0) == 0, "without epochs a finished job's duration comes from its time cells")
    }

    @Test func snapshotContentsReadTheBriefAndTheInfoDocument() throws {
        let brief = try #require(SnapshotContents.parse(Fixtures.nightlyBrief))
        #expect(brief.database == "retail")
        #expect(brief.tables.map(\.name) == ["customers", "orders"])
        #expect(brief.table(named: "orders")?.partitions.map(\.name) == ["p202501", "p202502", "p202503"])
        #expect(brief.tables[0].partitions[0].tablets == nil)

        let info = """
            {"name":"nightly","database":"retail","id":1,"backup_time":1,"content":"ALL","backup_objects":{"orders":{"id":12,
             "partitions":{"p202501":{"id":1200,"version":5,"indexes":{"orders":{"id":13,"schema_hash":1,
             "tablets":{"11403":["0_0.dat.abc"],"11406":["0_0.dat.def","1_0.dat.123"]},"tablets_order":[11406,11403]}}}}}},
             "backup_result":"succeed","meta_version":1}
            """
        let contents = try #require(SnapshotContents.parse(info))
        let partition = try #require(contents.table(named: "orders")?.partitions.first)
        #expect(partition.version == 5)
        #expect(partition.tablets?.map(\.id) == ["11406", "11403"], "tablets keep tablets_order")
        #expect(partition.tablets?.first?.files == ["0_0.dat.def", "1_0.dat.123"])
        #expect(SnapshotContents.parse("not json") == nil)
    }
}
