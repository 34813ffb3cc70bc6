import Console
import Remote
import Testing

/// Jobs read from recorded SHOW BACKUP / SHOW RESTORE results of every server flavour.
@Suite struct ShowParsingJobTests {
    static let shanghai = 8 * 3600

    private func jobs(_ kind: JobKind, _ fixture: String, utcOffset: Int = shanghai) throws -> [JobRow] {
        try ShowReading.jobs(kind, from: try ShowFixture.load(fixture), utcOffset: utcOffset)
    }

    @Test func doris14ColumnBackupReadsFinishedRunningAndCancelledJobs() throws {
        let rows = try jobs(.backup, "doris-2.1-show-backup.tsv")
        #expect(rows.map(\.label) == ["exampledb_20241225", "exampledb_20241226", "exampledb_20241227"])
        #expect(rows.map(\.state) == ["FINISHED", "UPLOADING", "CANCELLED"])
        #expect(rows.allSatisfy { $0.database == "example_db" && $0.kind == .backup })

        let finished = rows[0]
        #expect(finished.jobId == 17_891_847)
        #expect(finished.createdAtEpoch == 1_735_113_149)
        #expect(finished.finishedAtEpoch == 1_735_113_164)
        #expect(finished.phases.map(\.time) == [
            "2024-12-25 15:52:29", "2024-12-25 15:52:32", "2024-12-25 15:52:38", "2024-12-25 15:52:44",
        ])
        #expect(finished.filesTotal == 0 && finished.fraction == 1)

        let running = rows[1]
        #expect(running.filesDone == 11 && running.filesTotal == 28)
        #expect(running.bytesTotal == 0 && running.throughput == nil && running.eta == nil)
        #expect(running.unfinishedTaskIds == ["17892031", "17892032", "17892033"])
        #expect(running.taskErrMsg == "[17892032: failed to upload: connection reset by peer]")
        #expect(running.phases.map(\.time) == ["2024-12-26 02:00:03", "2024-12-26 02:00:09", nil, nil])
        #expect(running.finishedAtEpoch == nil)
        #expect(running.cell("BackupObjs") == "[example_db.example_tbl], [example_db.t2PARTITIONS (p1, p2)]")
        #expect(running.cell("Timeout") == "86400")

        let cancelled = rows[2]
        #expect(cancelled.phase == .cancelled)
        #expect(cancelled.status == "[COMMON_ERROR, msg: user cancelled]")
        #expect(cancelled.phases.map(\.time) == ["2024-12-27 02:00:03", nil, nil, "2024-12-27 02:31:40"])
        #expect(cancelled.filesTotal == 0 && cancelled.fraction == nil)
    }

    @Test func doris13ColumnBackupHasNoProgressAndOldTaskLists() throws {
        let rows = try jobs(.backup, "doris-0.x-show-backup.tsv")
        #expect(rows.count == 2)
        #expect(rows[0].cells.count == 13 && rows[0].cell("Progress") == nil)
        let running = rows[1]
        #expect(running.state == "UPLOADING" && running.database == "default_cluster:example_db")
        #expect(running.filesDone == 0 && running.filesTotal == 0 && running.fraction == nil)
        // Java's `k=v, k=v` map text of old versions reads as the same tasks as the bracketed form.
        #expect(running.unfinishedTaskIds == ["10051", "10052"])
        #expect(running.cell("UnfinishedTasks") == "10051=10002, 10052=10003")
        // `N/A` reads as "not yet", never as a time.
        #expect(running.phases.map(\.time) == ["2019-03-02 10:00:00", "2019-03-02 10:00:04", nil, nil])
        #expect(running.finishedAtEpoch == nil)
    }

    @Test func doris21ColumnRestoreKeepsReplicaColumnsAsCells() throws {
        let rows = try jobs(.restore, "doris-2.1-show-restore.tsv")
        #expect(rows.map(\.state) == ["DOWNLOADING", "CANCELLED"])
        let running = rows[0]
        #expect(running.kind == .restore && running.label == "exampledb_20241225" && running.database == "example_db")
        #expect(running.jobId == 17_893_001)
        #expect(running.filesDone == 12 && running.filesTotal == 20)
        #expect(running.cells.count == 21)
        #expect(running.cell("ReplicaAllocation") == "tag.location.default: 3")
        #expect(running.cell("ReserveDynamicPartitionEnable") == "false")
        #expect(running.cell("Timestamp") == "2024-12-25-15-52-29")
        #expect(running.cell("RestoreObjs")?.contains("\"olap_table_list\"") == true)
        #expect(running.phases.map(\.phase) == [
            "Created", "Meta prepared", "Snapshot finished", "Download finished", "Finished",
        ])
        #expect(running.phases.map(\.time) == [
            "2024-12-28 09:15:00", "2024-12-28 09:15:07", "2024-12-28 09:15:12", nil, nil,
        ])
        let cancelled = rows[1]
        #expect(cancelled.status == "[COMMON_ERROR, msg: Table example_tbl already exist but with different schema]")
        #expect(cancelled.finishedAtEpoch == 1_735_354_802)
    }

    @Test func doris18ColumnRestoreReadsProgressAndOldTaskLists() throws {
        let rows = try jobs(.restore, "doris-1.0-show-restore.tsv")
        #expect(rows.map(\.label) == ["snap_20210601", "snap_20210602"])
        #expect(rows[0].phase == .finished && rows[0].fraction == 1)
        #expect(rows[0].createdAtEpoch == 1_622_592_000)
        let running = rows[1]
        #expect(running.cells.count == 18 && running.cell("ReplicaAllocation") == nil)
        #expect(running.filesDone == 15 && running.filesTotal == 20 && running.fraction == 0.75)
        #expect(running.unfinishedTaskIds == ["22031", "22032"])
    }

    @Test func doris17ColumnRestoreHasNoProgress() throws {
        let rows = try jobs(.restore, "doris-0.x-show-restore.tsv")
        #expect(rows.count == 1)
        #expect(rows[0].cells.count == 17 && rows[0].state == "COMMITTING" && rows[0].phase == .running)
        #expect(rows[0].filesTotal == 0 && rows[0].fraction == nil)
        #expect(rows[0].phases.map(\.time) == [
            "2019-03-04 09:00:00", "2019-03-04 09:00:02", "2019-03-04 09:00:04", "2019-03-04 09:02:00", nil,
        ])
    }

    @Test func starRocksBackupAndRestore() throws {
        let backups = try jobs(.backup, "starrocks-3.3-show-backup.tsv", utcOffset: 0)
        #expect(backups.map(\.state) == ["SNAPSHOTING", "FINISHED"])
        #expect(backups[0].unfinishedTaskIds == ["41010", "41011"] && backups[0].filesTotal == 0)
        #expect(backups[0].createdAtEpoch == 1_741_568_400)
        #expect(backups[1].finishedAtEpoch == 1_741_482_753)

        let restores = try jobs(.restore, "starrocks-3.3-show-restore.tsv", utcOffset: 0)
        #expect(restores.count == 1)
        #expect(restores[0].label == "sr_snap_0" && restores[0].database == "sr_db")
        #expect(restores[0].filesDone == 2 && restores[0].filesTotal == 6)
        #expect(restores[0].taskErrMsg == "[41210: download failed, will retry]")
    }

    @Test func snapDeckFullBackupUsesItsOwnFigures() throws {
        let rows = try jobs(.backup, "snapdeck-show-full-backup.tsv", utcOffset: 0)
        #expect(rows.map(\.label) == ["nightly", "weekly", "aborted"])
        #expect(rows.map(\.state) == ["FINISHED", "UPLOADING", "CANCELLED"])
        let running = rows[1]
        // FilesDone/FilesTotal win over the Progress column (which would give 16/30).
        #expect(running.filesDone == 269 && running.filesTotal == 384)
        #expect(running.bytesDone == 4_165_069 && running.bytesTotal == 5_943_132)
        #expect(running.throughput == 5.9 * 1_048_576 && running.eta == 1)
        #expect(running.createdAtEpoch == 1_796_298_182)
        #expect(running.cell("Progress") == "[6: 8/10], [10: 0/10], [13: 8/10]")
        #expect(rows[2].status == "[COMMON_ERROR, msg: user cancelled; nothing was uploaded]")
        #expect(rows[2].eta == nil && rows[2].throughput == nil && rows[2].filesTotal == 780)
    }

    @Test func snapDeckFullRestore() throws {
        let rows = try jobs(.restore, "snapdeck-show-full-restore.tsv", utcOffset: 0)
        #expect(rows.map(\.state) == ["DOWNLOADING", "FINISHED"])
        #expect(rows[0].label == "weekly" && rows[0].database == "retail")
        #expect(rows[0].filesDone == 301 && rows[0].filesTotal == 480 && rows[0].bytesTotal == 5_990_450)
        #expect(rows[1].fraction == 1 && rows[1].finishedAtEpoch == 1_796_298_192)
        #expect(rows[0].cell("Timestamp") == "2026-12-03-11-43-02")
        #expect(rows[0].cell("ReplicaAllocation") == "tag.location.default: 3" && rows[0].cell("ReserveReplica") == "false")
        #expect(rows[0].cell("Properties")?.contains("\"clean_tables\" = \"false\"") == true)
    }

    @Test func columnsAreReadByNameWhateverTheirOrderAndCase() throws {
        let result = RemoteResult(
            columns: ["state", "EXTRA", "label", "dbname", "CreateTime"],
            rows: [["PENDING", "x", "l1", "db", "NULL"]], hasRows: true)
        let rows = try ShowReading.jobs(.restore, from: result, utcOffset: 0)
        #expect(rows.first?.label == "l1" && rows.first?.database == "db" && rows.first?.phase == .pending)
        #expect(rows.first?.cell("EXTRA") == "x")
        #expect(rows.first?.createdAtEpoch == nil)
    }

    @Test func aTableWithoutStateIsAnUnexpectedTable() {
        let result = RemoteResult(columns: ["JobId", "SnapshotName", "DbName"], rows: [["1", "l", "d"]], hasRows: true)
        let problem = #expect(throws: SourceProblem.self) { try ShowReading.jobs(.backup, from: result, utcOffset: 0) }
        #expect(problem?.kind == .unexpectedTable)
        #expect(problem?.message.contains("`State`") == true)
        #expect(problem?.message.contains("SHOW BACKUP") == true)
    }

    @Test func serverTimesBecomeEpochSecondsWithTheServersOffset() {
        #expect(ServerTime.epoch("1970-01-01 00:00:00", utcOffset: 0) == 0)
        #expect(ServerTime.epoch("2024-12-25 15:52:29", utcOffset: 8 * 3600) == 1_735_113_149)
        #expect(ServerTime.epoch("2024-02-29 23:59:59", utcOffset: -5 * 3600) == 1_709_269_199)
        #expect(ServerTime.epoch("N/A", utcOffset: 0) == nil)
        #expect(ServerTime.epoch("2024-13-01 00:00:00", utcOffset: 0) == nil)
        #expect(ServerTime.epoch("", utcOffset: 0) == nil)
    }
}
