import Engine
import Essentials
import Foundation
import SQLSyntax

/// Builds the demo's databases and loads generated rows through the same SQL an operator
/// would run (CREATE TABLE, LOAD DATA, INSERT), in several loads so tablets have several
/// versions.
struct DemoData {
    let cluster: Cluster
    let orders: Int

    func build(progress: (String) -> Void) throws(SQLError) {
        var session = cluster.makeSession()
        try run(Self.schema, &session)
        progress("created databases retail and telemetry")
        var random = SplitMix64(seed: 20_261_126)
        let batches = 4
        for batch in 0..<batches {
            let count = orders / batches
            let file = try writeCSV("orders-\(batch)") { out in
                for i in 0..<count {
                    let id = batch * count + i + 1
                    let month = 1 + Int(random.next() % 12)
                    let day = 1 + Int(random.next() % 28)
                    let customer = 1 + Int(random.next() % 20_000)
                    let quantity = 1 + Int(random.next() % 9)
                    let cents = 99 + Int(random.next() % 50_000)
                    let status = Self.statuses[Int(random.next() % UInt64(Self.statuses.count))]
                    out += "\(id),2025-\(pad(month))-\(pad(day)),\(customer),\(1 + Int(random.next() % 500)),\(quantity),\(cents / 100).\(pad(cents % 100)),\(status)\n"
                }
            }
            try run("LOAD DATA LOCAL INFILE '\(file)' INTO TABLE retail.orders", &session)
        }
        progress("loaded \(orders) rows into retail.orders in \(batches) loads")
        let customers = try writeCSV("customers") { out in
            for id in 1...20_000 {
                let (name, city) = Self.people[Int(random.next() % UInt64(Self.people.count))]
                out += "\(id),\(name) \(id),\(city),\(2015 + Int(random.next() % 10))-\(pad(1 + Int(random.next() % 12)))-01\n"
            }
        }
        try run("LOAD DATA LOCAL INFILE '\(customers)' INTO TABLE retail.customers", &session)
        let products = try writeCSV("products") { out in
            for id in 1...500 {
                let category = Self.categories[id % Self.categories.count]
                out += "\(id),\(category),product-\(id),\(5 + id % 300).99\n"
            }
        }
        try run("LOAD DATA LOCAL INFILE '\(products)' INTO TABLE retail.products", &session)
        progress("loaded 20000 customers and 500 products")
        let today = Int(Date().timeIntervalSince1970) / 86400
        for load in 0..<3 {
            let file = try writeCSV("events-\(load)") { out in
                for i in 0..<10_000 {
                    let seconds = today * 86400 + Int(random.next() % 86400)
                    let time = LocalTime(epochSeconds: Int64(seconds), utcOffset: 0).dateTime
                    let host = "host-\(Int(random.next() % 40))"
                    out += "\(time),\(host),\(Self.eventKinds[i % Self.eventKinds.count]),\(Int(random.next() % 1000))\n"
                }
            }
            try run("LOAD DATA LOCAL INFILE '\(file)' INTO TABLE telemetry.events", &session)
        }
        progress("loaded 30000 rows into telemetry.events (dynamic partitions) in 3 loads")
        try run("INSERT INTO telemetry.hosts VALUES (1, 'host-1', 'rack-A', true), (2, 'host-2', 'rack-A', true), (3, 'host-3', '机架-B', false)", &session)
        // Beside the data directory, never inside it: the engine refuses that (its upkeep
        // would delete the backups).
        let repository = Self.repositoryPath(dataDirectory: cluster.layout.root)
        // A modest per-backend rate limit, so a demo backup runs long enough to watch.
        try run("""
            CREATE REPOSITORY demo_repo WITH LOCAL ON LOCATION '\(repository)';
            ADMIN SET FRONTEND CONFIG ('transfer_rate_limit_bytes_per_second' = '1048576');
            BACKUP SNAPSHOT telemetry.`遥测_first` TO demo_repo;
            """, &session)
        progress("created repository demo_repo in \(repository) and started backup telemetry.遥测_first")
    }

    private func run(_ sql: String, _ session: inout Session) throws(SQLError) {
        for text in ScriptSplitter.statementTexts(sql) { _ = try cluster.execute(text, session: &session) }
    }

    private func writeCSV(_ name: String, _ fill: (inout String) -> Void) throws(SQLError) -> String {
        var text = ""
        fill(&text)
        let path = cluster.layout.temporaryDirectory + "/demo-\(name).csv"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw SQLError.general("cannot write \(path)")
        }
        return path
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// The demo repository's folder: `<data directory>-repository`.
    static func repositoryPath(dataDirectory: String) -> String { dataDirectory + "-repository" }

    static let statuses = ["PAID", "SHIPPED", "DELIVERED", "RETURNED", "CANCELLED"]
    static let categories = ["books", "garden", "kitchen", "toys", "电子产品"]
    static let eventKinds = ["login", "query", "export", "error"]
    static let people = [("Alice", "London"), ("Bob", "Berlin"), ("张伟", "上海"), ("王芳", "北京"), ("Chloé", "Paris"),
                         ("Diego", "Madrid"), ("佐藤", "東京"), ("Olu", "Lagos"), ("Priya", "Mumbai"), ("김민준", "서울")]

    static let schema = """
    CREATE DATABASE retail;
    CREATE DATABASE telemetry;
    CREATE TABLE retail.orders (
      order_id BIGINT NOT NULL COMMENT 'order number',
      order_date DATE NOT NULL,
      customer_id INT NOT NULL,
      product_id INT NOT NULL,
      quantity SMALLINT NOT NULL DEFAULT "1",
      amount DECIMAL(12, 2) NOT NULL COMMENT '金额 (amount)',
      status VARCHAR(16) NOT NULL
    ) DUPLICATE KEY(order_id, order_date)
    COMMENT 'retail orders, monthly partitions'
    PARTITION BY RANGE(order_date) (
      PARTITION p202501 VALUES LESS THAN ("2025-02-01"), PARTITION p202502 VALUES LESS THAN ("2025-03-01"),
      PARTITION p202503 VALUES LESS THAN ("2025-04-01"), PARTITION p202504 VALUES LESS THAN ("2025-05-01"),
      PARTITION p202505 VALUES LESS THAN ("2025-06-01"), PARTITION p202506 VALUES LESS THAN ("2025-07-01"),
      PARTITION p202507 VALUES LESS THAN ("2025-08-01"), PARTITION p202508 VALUES LESS THAN ("2025-09-01"),
      PARTITION p202509 VALUES LESS THAN ("2025-10-01"), PARTITION p202510 VALUES LESS THAN ("2025-11-01"),
      PARTITION p202511 VALUES LESS THAN ("2025-12-01"), PARTITION p202512 VALUES LESS THAN ("2026-01-01")
    ) DISTRIBUTED BY HASH(order_id) BUCKETS 8
    PROPERTIES ("replication_num" = "3");
    CREATE TABLE retail.customers (
      customer_id INT NOT NULL,
      name VARCHAR(64) NOT NULL COMMENT '客户姓名',
      city VARCHAR(32),
      signup_date DATE
    ) DUPLICATE KEY(customer_id) COMMENT '客户 customers'
    DISTRIBUTED BY HASH(customer_id) BUCKETS 4
    PROPERTIES ("replication_num" = "2");
    CREATE TABLE retail.products (
      product_id INT NOT NULL,
      category VARCHAR(32) NOT NULL,
      name VARCHAR(64),
      price DECIMAL(8, 2)
    ) DUPLICATE KEY(product_id, category)
    PARTITION BY LIST(category) (
      PARTITION p_books VALUES IN ("books"), PARTITION p_home VALUES IN ("garden", "kitchen"),
      PARTITION p_toys VALUES IN ("toys"), PARTITION p_electronics VALUES IN ("电子产品")
    ) DISTRIBUTED BY HASH(product_id) BUCKETS 2;
    CREATE TABLE telemetry.events (
      event_time DATETIME NOT NULL,
      host VARCHAR(64) NOT NULL,
      kind VARCHAR(16) NOT NULL,
      value_ms INT
    ) DUPLICATE KEY(event_time, host)
    PARTITION BY RANGE(event_time) ()
    DISTRIBUTED BY HASH(host) BUCKETS 4
    PROPERTIES (
      "replication_num" = "3",
      "dynamic_partition.enable" = "true",
      "dynamic_partition.time_unit" = "DAY",
      "dynamic_partition.start" = "-7",
      "dynamic_partition.end" = "3",
      "dynamic_partition.prefix" = "p",
      "dynamic_partition.buckets" = "4"
    );
    CREATE TABLE telemetry.hosts (
      host_id INT NOT NULL,
      host VARCHAR(64) NOT NULL,
      rack VARCHAR(32) COMMENT '机架',
      active BOOLEAN
    ) DISTRIBUTED BY HASH(host_id) BUCKETS 1
    PROPERTIES ("replication_num" = "1");
    """
}

/// A small deterministic PRNG so every demo cluster has the same data.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
