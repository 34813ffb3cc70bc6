import Essentials
import Testing
@testable import Console

/// No job running: dialogs for retail are not blocked by "one job per database".
let idleJobs = [Fixtures.defaultJobs[0], Fixtures.defaultJobs[2]]

extension AppState {
    var dialog: Dialog? {
        if case .dialog(let dialog)? = modal { return dialog }
        return nil
    }

    var confirm: ConfirmState? {
        if case .confirm(let confirm)? = modal { return confirm }
        return nil
    }

    var check: FormCheck? { dialog?.check(in: self) }
}

@Suite struct BackupDialogTests {
    @Test func suggestsALabelFromTheDatabaseAndTheClockAndShowsItsSQL() throws {
        var state = Fixtures.state(Fixtures.cluster(jobs: idleJobs))
        Fixtures.press(&state, .character("b"))
        let dialog = try #require(state.dialog)
        #expect(dialog.form.text(.database) == "retail")
        #expect(dialog.form.text(.label) == "retail_20261126_1530")
        #expect(dialog.form.text(.repository) == "demo_repo")
        let check = try #require(state.check)
        #expect(check.errors.isEmpty)
        #expect(check.sql == "BACKUP SNAPSHOT `retail`.`retail_20261126_1530` TO `demo_repo`")
        #expect(check.notes.first == "3 tables, 6 partitions, 8.01 MiB in 192 files; about 2s at 3.00 MiB/s")
    }

    @Test func picksTablesAndPartitionsIntoTheOnClause() throws {
        var state = Fixtures.state(Fixtures.cluster(jobs: idleJobs))
        Fixtures.press(&state, .character("b"), .tab, .tab, .tab)
        #expect(state.dialog?.form.focusedField?.id == .objects)
        Fixtures.press(&state, .character(" "))                  // customers: whole table
        Fixtures.press(&state, .down, .right, .down, .character(" "), .down, .down, .character(" "))  // orders p202501, p202503
        let check = try #require(state.check)
        #expect(check.sql == "BACKUP SNAPSHOT `retail`.`retail_20261126_1530` TO `demo_repo` ON (`customers`, `orders` PARTITION (`p202501`, `p202503`))")
        #expect(check.notes.first?.hasPrefix("2 tables, 3 partitions") == true)
    }

    @Test func choosingAnotherDatabaseRenewsTheSuggestedLabelButNotATypedOne() throws {
        var state = Fixtures.state(Fixtures.cluster(jobs: idleJobs))
        Fixtures.press(&state, .character("b"), .right)
        #expect(state.dialog?.form.text(.database) == "telemetry")
        #expect(state.dialog?.form.text(.label) == "telemetry_20261126_1530")
        Fixtures.press(&state, .tab, .control("u"))
        Fixtures.type(&state, "mine")
        Fixtures.press(&state, .backTab, .left)
        #expect(state.dialog?.form.text(.database) == "retail")
        #expect(state.dialog?.form.text(.label) == "mine")
    }

    @Test func validatesTheLabelAsYouType() throws {
        var state = Fixtures.state(Fixtures.cluster(jobs: idleJobs))
        Fixtures.press(&state, .character("b"), .tab, .control("u"))
        #expect(state.check?.errors == ["Label is empty"])
        Fixtures.type(&state, "bad label!")
        #expect(state.check?.errors == ["Label format error: bad label! (letters, digits, - and _ only, at most 128)"])
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "每日-备份_1")
        #expect(state.check?.errors == [], "letters of any script are fine")
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "nightly")
        #expect(state.check?.errors == ["Snapshot with name 'nightly' already exist in repository"])
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, String(repeating: "a", count: 129))
        #expect(state.check?.isValid == false)
    }

    @Test func validatesTheTimeoutWithDorisTexts() throws {
        var state = Fixtures.state(Fixtures.cluster(jobs: idleJobs))
        Fixtures.press(&state, .character("b"), .backTab, .backTab, .backTab)
        #expect(state.dialog?.form.focusedField?.id == .timeout)
        Fixtures.type(&state, "5m")
        #expect(state.check?.errors == ["Invalid timeout format: 5m"])
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "300")
        #expect(state.check?.errors == ["timeout must be at least 10 min"])
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "3600")
        #expect(state.check?.sql == "BACKUP SNAPSHOT `retail`.`retail_20261126_1530` TO `demo_repo` PROPERTIES (\"timeout\" = \"3600\")")
    }

    @Test func refusesASecondJobOnABusyDatabase() throws {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("b"))
        #expect(state.check?.errors == [
            "Can only run one backup or restore job of a database at same time , current running: label = nightly jobId = 11939, to run label = retail_20261126_1530",
        ])
        let effects = Fixtures.press(&state, .enter)
        #expect(effects.isEmpty, "an invalid form runs nothing")
        #expect(state.flash?.level == .error)
    }

    @Test func runSendsTheShownSQLAndFollowsTheNewJob() throws {
        var state = Fixtures.state(Fixtures.cluster(jobs: idleJobs))
        Fixtures.press(&state, .character("5"), .character("b"))
        let sql = try #require(state.check?.sql)
        let effects = Fixtures.press(&state, .enter)
        #expect(effects == [.runSQL(id: 1, sql: sql)])
        #expect(state.dialog?.form.submitting == 1)
        _ = reduce(&state, .sqlFinished(id: 1, result: SQLResult(message: "Query OK, 0 rows affected")))
        #expect(state.modal == nil)
        #expect(state.tab == .backups)
        #expect(state.flash?.text == "BACKUP retail.retail_20261126_1530 submitted.")
        let job = Fixtures.job(id: 12000, label: "retail_20261126_1530", state: "PENDING")
        _ = reduce(&state, .snapshot(Fixtures.cluster(sequence: 2, jobs: idleJobs + [job])))
        #expect(state.backups.cursor.selected == 12000, "the submitted job is selected when it appears")
    }

    @Test func anEngineErrorKeepsTheDialogOpenWithTheMessage() throws {
        var state = Fixtures.state(Fixtures.cluster(jobs: idleJobs))
        Fixtures.press(&state, .character("b"), .enter)
        _ = reduce(&state, .sqlFinished(id: 1, result: .failure("ERROR 1105 (HY000): Repository demo_repo is read only")))
        #expect(state.dialog?.form.serverError == "ERROR 1105 (HY000): Repository demo_repo is read only")
        #expect(state.dialog?.form.submitting == nil)
        #expect(state.flash?.level == .error)
    }
}

@Suite struct RestoreDialogTests {
    static func restoreState(jobs: [JobRow] = idleJobs) -> AppState {
        var state = Fixtures.state(Fixtures.cluster(jobs: jobs))
        Fixtures.press(&state, .character("4"))
        return state
    }

    @Test func opensFromTheSelectedSnapshotAndLoadsItsContents() throws {
        var state = Self.restoreState()
        let effects = Fixtures.press(&state, .character("r"))
        #expect(effects == [.loadSnapshotDetail(repository: "demo_repo", label: "nightly", timestamp: "2026-11-26-15-25-31")])
        let form = try #require(state.dialog?.form)
        #expect(form.text(.targetDatabase) == "retail")
        #expect(form.text(.timestamp) == "2026-11-26-15-25-31")
        #expect(form.text(.replication) == "3")
        #expect(state.check?.notes.contains("Loading the snapshot's contents…") == true)
        #expect(state.check?.sql == "RESTORE SNAPSHOT `retail`.`nightly` FROM `demo_repo` PROPERTIES (\"backup_timestamp\" = \"2026-11-26-15-25-31\", \"replication_num\" = \"3\")")
    }

    @Test func saysWhatItOverwritesAndWantsTheDatabaseNameTyped() throws {
        var state = Self.restoreState()
        Fixtures.press(&state, .character("r"))
        _ = reduce(&state, .snapshotDetailLoaded(repository: "demo_repo", label: "nightly", timestamp: "2026-11-26-15-25-31",
                                                 contents: SnapshotContents.parse(Fixtures.nightlyBrief), error: nil))
        let check = try #require(state.check)
        #expect(check.warnings == [
            "This restore OVERWRITES existing data in retail:",
            "  customers: customers",
            "  orders: p202501, p202502, p202503",
        ])
        #expect(check.errors == ["Type retail in Confirm to overwrite 2 tables"])
        #expect(state.dialog?.form.picker(.objects)?.items.map(\.table) == ["customers", "orders"])
        Fixtures.press(&state, .backTab, .backTab, .backTab)
        #expect(state.dialog?.form.focusedField?.id == .confirmation)
        Fixtures.type(&state, "retail")
        #expect(state.check?.isValid == true)
    }

    @Test func renamingOrRestoringElsewhereOverwritesNothing() throws {
        var state = Self.restoreState()
        Fixtures.press(&state, .character("r"))
        _ = reduce(&state, .snapshotDetailLoaded(repository: "demo_repo", label: "nightly", timestamp: "2026-11-26-15-25-31",
                                                 contents: SnapshotContents.parse(Fixtures.nightlyBrief), error: nil))
        Fixtures.press(&state, .tab, .down, .character(" "), .tab)    // tick orders, go to Rename
        #expect(state.dialog?.form.focusedField?.id == .aliases)
        Fixtures.type(&state, "orders AS orders_restored")
        let check = try #require(state.check)
        #expect(check.errors.isEmpty)
        #expect(check.warnings.isEmpty)
        #expect(check.sql == "RESTORE SNAPSHOT `retail`.`nightly` FROM `demo_repo` ON (`orders` AS `orders_restored`) PROPERTIES (\"backup_timestamp\" = \"2026-11-26-15-25-31\", \"replication_num\" = \"3\")")
    }

    @Test func validatesUnknownTablesAliasesDatabaseAndReplication() throws {
        var state = Self.restoreState()
        Fixtures.press(&state, .character("r"))
        _ = reduce(&state, .snapshotDetailLoaded(repository: "demo_repo", label: "nightly", timestamp: "2026-11-26-15-25-31",
                                                 contents: SnapshotContents.parse(Fixtures.nightlyBrief), error: nil))
        Fixtures.press(&state, .tab, .tab)
        Fixtures.type(&state, "ordrs AS x")
        #expect(state.check?.errors.contains("Table ordrs does not exist in snapshot nightly") == true)
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "orders x")
        #expect(state.check?.errors.contains("Rename 'orders x' should look like: table AS new_name") == true)
        Fixtures.press(&state, .control("u"), .tab, .tab)
        #expect(state.dialog?.form.focusedField?.id == .replication)
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "5")
        #expect(state.check?.errors.contains("replication_num 5 needs 5 backends; the cluster has 3") == true)
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "zero")
        #expect(state.check?.errors.contains("Invalid replication num format: zero") == true)
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "1")
        Fixtures.press(&state, .backTab, .backTab, .backTab, .backTab, .control("u"))
        #expect(state.dialog?.form.focusedField?.id == .targetDatabase)
        Fixtures.type(&state, "nowhere")
        #expect(state.check?.errors.first == "Unknown database 'nowhere'")
    }

    @Test func propertiesFollowTheForm() throws {
        var state = Self.restoreState()
        Fixtures.press(&state, .character("r"))
        _ = reduce(&state, .snapshotDetailLoaded(repository: "demo_repo", label: "nightly", timestamp: "2026-11-26-15-25-31",
                                                 contents: SnapshotContents.parse(Fixtures.nightlyBrief), error: nil))
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "telemetry")
        Fixtures.press(&state, .tab, .tab, .tab, .tab, .tab, .character(" "), .tab)
        Fixtures.type(&state, "7200")
        let check = try #require(state.check)
        #expect(check.errors.isEmpty)
        #expect(check.sql == "RESTORE SNAPSHOT `telemetry`.`nightly` FROM `demo_repo` PROPERTIES (\"backup_timestamp\" = \"2026-11-26-15-25-31\", \"replication_num\" = \"3\", \"reserve_dynamic_partition_enable\" = \"true\", \"timeout\" = \"7200\")")
    }

    @Test func restoreNeedsASelectedSnapshot() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("r"))
        #expect(state.modal == nil)
        #expect(state.flash?.text == "Restore starts from a snapshot: select one on the Snapshots tab (4).")
    }
}

@Suite struct ConfirmationTests {
    @Test func cancelAsksNamingTheJobAndDefaultsToCancel() throws {
        var state = Fixtures.state()
        Fixtures.press(&state, .down, .character("c"))
        let confirm = try #require(state.confirm)
        #expect(confirm.lines[0] == "Cancel backup job 11939 nightly of database retail (now UPLOADING)?")
        #expect(confirm.sql == "CANCEL BACKUP FROM `retail`")
        #expect(!confirm.focusOnConfirm, "Cancel has the focus")
        #expect(Fixtures.press(&state, .enter).isEmpty, "Enter alone presses Cancel")
        #expect(state.modal == nil)

        Fixtures.press(&state, .character("c"))
        let effects = Fixtures.press(&state, .character("y"))
        #expect(effects == [.runSQL(id: 1, sql: "CANCEL BACKUP FROM `retail`")])
        _ = reduce(&state, .sqlFinished(id: 1, result: SQLResult(message: "Query OK, 0 rows affected")))
        #expect(state.modal == nil)
        #expect(state.flash?.text == "Cancel requested for backup job 11939 nightly.")
    }

    @Test func cancelExplainsWhyAFinishedJobCannotBeCancelled() {
        var state = Fixtures.state()
        Fixtures.press(&state, .end, .character("c"))
        #expect(state.modal == nil)
        #expect(state.flash?.text == "Job 11938 遥测_first is FINISHED: nothing to cancel.")
    }

    @Test func dropRepositoryDefaultsToCancel() throws {
        var state = Fixtures.state(Fixtures.cluster(jobs: idleJobs))
        Fixtures.press(&state, .character("3"), .character("D"))
        let confirm = try #require(state.confirm)
        #expect(confirm.sql == "DROP REPOSITORY `demo_repo`")
        #expect(confirm.lines[0] == "Drop repository demo_repo (LOCAL /tmp/demo/repository)?")
        #expect(!confirm.focusOnConfirm)
        Fixtures.press(&state, .tab)
        #expect(state.confirm?.focusOnConfirm == true)
        #expect(Fixtures.press(&state, .enter) == [.runSQL(id: 1, sql: "DROP REPOSITORY `demo_repo`")])
    }

    @Test func droppingASnapshotRequiresTypingItsLabel() throws {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("4"), .character("D"))
        let confirm = try #require(state.confirm)
        #expect(confirm.sql == "DROP SNAPSHOT `nightly` TIMESTAMP \"2026-11-26-15-25-31\" ON `demo_repo`")
        #expect(confirm.requiresTyping)
        Fixtures.press(&state, .character("y"))
        #expect(state.confirm?.typed.text == "y", "while typing, y is a letter")
        Fixtures.press(&state, .backspace, .tab, .enter)
        #expect(state.confirm?.submitting == nil)
        #expect(state.flash?.text == "Type nightly to confirm.")
        Fixtures.type(&state, "nightly")
        let effects = Fixtures.press(&state, .enter)
        #expect(effects == [.runSQL(id: 1, sql: "DROP SNAPSHOT `nightly` TIMESTAMP \"2026-11-26-15-25-31\" ON `demo_repo`")])
        let after = reduce(&state, .sqlFinished(id: 1, result: SQLResult(message: "Query OK, 0 rows affected")))
        #expect(after == [.loadSnapshots(repository: "demo_repo")])
    }

    @Test func verifyRunsAdminCheckAndStoresTheResult() throws {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("4"), .character("v"))
        let confirm = try #require(state.confirm)
        #expect(confirm.focusOnConfirm, "verifying changes nothing, so Enter runs it")
        let effects = Fixtures.press(&state, .enter)
        #expect(effects == [.runSQL(id: 1, sql: "ADMIN CHECK SNAPSHOT `nightly` ON `demo_repo` TIMESTAMP \"2026-11-26-15-25-31\"")])
        #expect(state.snapshotCache.checking.contains(Fixtures.nightlyKey))
        let result = SQLResult(columns: ["Snapshot", "Timestamp", "File", "Status", "Detail"], rows: [
            ["nightly", "2026-11-26-15-25-31", "__ss_content/__tbl_12/0_0.dat.abc", "MD5_MISMATCH", "expected abc, got def"],
        ])
        _ = reduce(&state, .sqlFinished(id: 1, result: result))
        #expect(state.snapshotCache.checks[Fixtures.nightlyKey] == [
            CheckRow(file: "__ss_content/__tbl_12/0_0.dat.abc", status: "MD5_MISMATCH", detail: "expected abc, got def"),
        ])
        #expect(state.flash?.text == "nightly: 1 problem — see the Snapshots tab")
        #expect(state.modal == nil)
    }

    @Test func quitAsksWhileJobsRunAndQuitsAtOnceOtherwise() throws {
        var state = Fixtures.state()
        #expect(Fixtures.press(&state, .character("q")).isEmpty)
        let confirm = try #require(state.confirm)
        #expect(confirm.lines[0] == "1 job is running: backup 11939 nightly (UPLOADING).")
        #expect(Fixtures.press(&state, .character("n")).isEmpty)
        #expect(state.modal == nil)
        Fixtures.press(&state, .character("q"))
        #expect(Fixtures.press(&state, .character("y")) == [.quit])

        var idle = Fixtures.state(Fixtures.cluster(jobs: idleJobs))
        #expect(Fixtures.press(&idle, .character("q")) == [.quit])
    }

    @Test func nonAdminUsersLearnWhyActionsAreDisabled() {
        var state = Fixtures.state(Fixtures.cluster(isAdmin: false, user: "bob"))
        for key in ["b", "c", "n", "r", "D", "v"] {
            Fixtures.press(&state, .character(Character(key)))
            #expect(state.modal == nil)
            #expect(state.flash?.level == .warning)
            #expect(state.flash?.text.contains("Only ADMIN users can") == true)
            #expect(state.flash?.text.contains("bob has no ADMIN_PRIV") == true)
        }
        Fixtures.press(&state, .character("b"))
        #expect(state.flash?.text == "Only ADMIN users can run BACKUP: bob has no ADMIN_PRIV.")
    }
}
