import Engine
import Testing

@Suite struct PrivilegeAndConfigTests {
    @Test func nonAdminUsersNeedGrants() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE d; CREATE TABLE d.t (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1")
        try t.sql("CREATE USER 'ann'@'%' IDENTIFIED BY 'pw'")
        t.session = Session(user: "ann")
        #expect(t.error("SELECT COUNT(*) FROM d.t")?.code == 1044)
        #expect(t.error("CREATE DATABASE e")?.code == 1227)
        #expect(try t.sql("SHOW DATABASES").rows.isEmpty)
        t.session = Session(user: "root")
        try t.sql("GRANT SELECT_PRIV ON d.* TO 'ann'")
        t.session = Session(user: "ann")
        #expect(try t.scalar("SELECT COUNT(*) FROM d.t") == "0")
        #expect(t.error("INSERT INTO d.t VALUES (1)")?.code == 1044)
        #expect(try t.sql("SHOW DATABASES").rows == [["d"]])
        t.session = Session(user: "nobody")
        #expect(t.error("SHOW DATABASES")?.code == 1045)
    }

    @Test func configKnobsAreValidatedAndPersist() throws {
        let t = try TestCluster()
        try t.sql("ADMIN SET FRONTEND CONFIG ('history_job_keep_max_second' = '60')")
        #expect(t.error("ADMIN SET FRONTEND CONFIG ('history_job_keep_max_second' = 'soon')") != nil)
        #expect(t.error("ADMIN SET FRONTEND CONFIG ('no_such_knob' = '1')")?.message == "Config 'no_such_knob' does not exist")
        // A knob with a fixed set of values refuses others, and takes them in any case.
        #expect(t.error("ADMIN SET FRONTEND CONFIG ('fault_pause_drop_after' = 'meta')")?.message
            == "Config 'fault_pause_drop_after' takes marker, infos, files or '', got 'meta'")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_drop_after' = 'INFOS')")
        #expect(try t.sql("ADMIN SHOW FRONTEND CONFIG LIKE 'fault_pause_drop%'").rows.first?[1] == "infos")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_drop_after' = '')")
        try t.reopen()
        let rows = try t.sql("ADMIN SHOW FRONTEND CONFIG LIKE 'history%'").rows
        #expect(rows.first?[0] == "history_job_keep_max_second")
        #expect(rows.first?[1] == "60")
    }

    @Test func helpExplainsStatements() throws {
        let t = try TestCluster()
        let help = try t.sql("HELP CREATE TABLE")
        #expect(help.rows.first?[1]?.contains("DISTRIBUTED BY") == true)
    }
}
