// swift-tools-version:6.0
import PackageDescription

// Linux only: the storage code calls syncfs, copy_file_range and Glibc directly.
let package = Package(
    name: "SnapDeck",
    products: [
        .executable(name: "snapdeck", targets: ["snapdeck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: [
        // Hardware CRC32C and in-kernel file copy: Swift's Glibc does not expose either.
        .target(name: "CSupport", cSettings: [.unsafeFlags(["-O3"])]),
        .target(name: "SQLSyntax"),
        // One of each for every module: time texts, display width, name rules, quoting, retry
        // policy and the shared POSIX file calls. Depends on nothing.
        .target(name: "Essentials"),
        // The MySQL wire protocol codec, server and client side, over plain byte arrays.
        .target(name: "MySQLWire", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // ncursesw through a shim header (wide-character API on, macros as functions).
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        // The dashboard's pure core: state, reducer, views into a cell buffer.
        .target(name: "Console", dependencies: ["Essentials"]),
        // The only code that touches ncurses.
        .target(name: "Terminal", dependencies: ["CNcurses", "Console"]),
        .target(
            name: "Catalog",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift"), "SQLSyntax", "Essentials"]
        ),
        .target(
            name: "Storage",
            dependencies: ["Catalog", "SQLSyntax", "CSupport", "Essentials", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "Repository",
            dependencies: [
                "CSupport", "Essentials",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "Jobs",
            dependencies: [
                "Catalog", "Storage", "Repository", "Essentials",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "Engine",
            dependencies: [
                "SQLSyntax", "Catalog", "Storage", "Repository", "Jobs", "Essentials",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `snapdeck serve`: a NIO listener, one session per connection, statements into the
        // engine and results out through MySQLWire.
        .target(
            name: "Server",
            dependencies: [
                "Engine", "SQLSyntax", "MySQLWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The console for real clusters: a MySQL-protocol client connection (NIO) and the remote
        // `ClusterSource` that fills the dashboard from `SHOW …` result sets, columns by name.
        .target(
            name: "Remote",
            dependencies: [
                "MySQLWire", "Console", "Essentials", "SQLSyntax",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "snapdeck",
            dependencies: [
                "Engine", "SQLSyntax", "Jobs", "Console", "Terminal", "Essentials", "Server", "Remote",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The statement mutator and corpora of the parser fuzz test and the binary's.
        .target(name: "FuzzSupport", dependencies: ["SQLSyntax"], path: "Tests/FuzzSupport"),
        .testTarget(name: "SQLSyntaxTests", dependencies: ["SQLSyntax", "FuzzSupport"]),
        .testTarget(name: "EssentialsTests", dependencies: ["Essentials"]),
        .testTarget(name: "MySQLWireTests", dependencies: ["MySQLWire"]),
        .testTarget(
            name: "ServerTests",
            dependencies: ["Server", "Engine", "MySQLWire", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "Essentials"]),
        .testTarget(
            name: "RemoteTests",
            dependencies: [
                "Remote", "MySQLWire", "Console", "Server", "Engine", "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog", "SQLSyntax", "Essentials"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Catalog", "Essentials"]),
        // Child processes and the S3 test server, shared by the test targets below.
        // Also the job engine's test doubles: a manual clock, an object store that fails on
        // demand, a job host over a real catalog.
        .target(
            name: "TestSupport",
            dependencies: [
                "Repository", "Jobs", "Catalog", "Storage", "SQLSyntax", .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TestSupport", exclude: ["Scripts"]
        ),
        .testTarget(name: "JobsTests", dependencies: ["Jobs", "TestSupport", "Catalog", "Storage", "Repository"]),
        .testTarget(
            name: "RepositoryTests",
            dependencies: [
                "Repository", "TestSupport", "CSupport",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "NIOCore", package: "swift-nio"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "EngineTests",
            dependencies: [
                "Engine", "Repository", "Storage", "SQLSyntax", "Console", "Essentials", "TestSupport", "FuzzSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["Engine", "TestSupport", "FuzzSupport", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Clients"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
