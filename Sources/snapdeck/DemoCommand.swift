import ArgumentParser
import Engine
import Foundation

/// `snapdeck demo`: a cluster with sample data an operator recognises, ready to explore.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Create a demo cluster with sample data and show what to try.")

    @Option(name: .long, help: "Where to create the demo cluster.")
    var dir: String = "./snapdeck-demo"

    @Flag(name: .long, help: "Delete an existing demo cluster in --dir and build it again.")
    var fresh = false

    @Flag(name: .long, help: "Only build the demo cluster and print what to try; do not open the dashboard.")
    var noDashboard = false

    @Option(name: .long, help: "Rows in retail.orders (the largest table).")
    var orders: Int = 200_000

    func validate() throws {
        guard (1_000...5_000_000).contains(orders) else { throw ValidationError("--orders must be between 1000 and 5000000") }
    }

    func run() throws {
        let exists = FileManager.default.fileExists(atPath: dir + "/meta.sqlite")
        if exists && fresh {
            try FileManager.default.removeItem(atPath: dir)
            let repository = DemoData.repositoryPath(dataDirectory: URL(fileURLWithPath: dir).standardizedFileURL.path)
            if FileManager.default.fileExists(atPath: repository) { try FileManager.default.removeItem(atPath: repository) }
        }
        let cluster = openCluster(dir)
        if !exists || fresh {
            print("Building the demo cluster in \(cluster.layout.root) ...")
            do {
                try DemoData(cluster: cluster, orders: orders).build { print("  " + $0) }
            } catch {
                printError(error)
                throw ExitCode(1)
            }
        } else {
            print("Using the demo cluster already in \(cluster.layout.root) (--fresh builds a new one).")
        }
        if !JobWaiter(cluster: cluster).wait(for: cluster.jobsStartedHere) { throw ExitCode(1) }
        printSummary(cluster)
        // On a terminal the demo goes on into the dashboard; in scripts it stops here.
        if !noDashboard, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
            try MainActor.assumeIsolated { try Dashboard.open(cluster: cluster, user: "root") }
        }
        cluster.close()
    }

    private func printSummary(_ cluster: Cluster) {
        let catalog = cluster.catalog
        print("")
        for database in catalog.databases.values.sorted(by: { $0.name < $1.name }) {
            for table in catalog.tables(in: database.id).sorted(by: { $0.name < $1.name }) {
                let partitions = catalog.partitions(of: table.id)
                let tablets = partitions.flatMap { catalog.tablets(of: $0.id) }
                let rows = tablets.flatMap { catalog.rowsets(of: $0.id) }.reduce(Int64(0)) { $0 + $1.rowCount }
                print("  \(database.name).\(table.name): \(rows) rows, \(partitions.count) partitions, \(tablets.count) tablets x \(table.replicationNum) replicas")
            }
        }
        let root = cluster.layout.root
        print("""

        Try:
          snapdeck sql --data \(root) -e "SHOW DATABASES; SHOW TABLES FROM retail"
          snapdeck sql --data \(root) -e "SHOW PARTITIONS FROM retail.orders"
          snapdeck sql --data \(root) -e "SHOW TABLET FROM retail.customers"
          snapdeck sql --data \(root) -e "SELECT * FROM retail.customers WHERE city = '上海' LIMIT 5"
          snapdeck sql --data \(root) -e "CHECKSUM TABLE retail.orders, retail.customers"
          snapdeck sql --data \(root) -e "BACKUP SNAPSHOT retail.nightly TO demo_repo"     (rate-limited: watch it)
          snapdeck sql --data \(root) -e "SHOW BACKUP FROM retail\\G"
          snapdeck sql --data \(root) -e "SHOW SNAPSHOT ON demo_repo"
          snapdeck sql --data \(root)          (interactive shell; 'help contents;' lists statements)
        """)
    }
}
