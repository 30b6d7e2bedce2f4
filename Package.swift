// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Crosswalk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "crosswalk", targets: ["crosswalk"]),
        .library(name: "CrosswalkModel", targets: ["CrosswalkModel"]),
        .library(name: "CrosswalkLoad", targets: ["CrosswalkLoad"]),
        .library(name: "CrosswalkAssess", targets: ["CrosswalkAssess"]),
        .library(name: "CrosswalkFiles", targets: ["CrosswalkFiles"]),
        .library(name: "CrosswalkImport", targets: ["CrosswalkImport"]),
        .library(name: "CrosswalkEvidence", targets: ["CrosswalkEvidence"]),
        .library(name: "CrosswalkRender", targets: ["CrosswalkRender"]),
        .library(name: "CrosswalkApp", targets: ["CrosswalkApp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libxml2, used directly; imported by exactly one file (CrosswalkLoad/XML/XMLDocument.swift).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Where a JSON object or array ends, 64 bytes per step (AVX2 or SSE2): the finding importer's hot loop.
        .target(name: "CJSONSkip"),
        // SQLite's process-wide settings (sqlite3_config is variadic: C only).
        .target(name: "CSQLiteTuning", dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // Value types only: no I/O, no dependencies.
        .target(name: "CrosswalkModel"),
        // load: bytes → model, with diagnostics. The Workspace is its one entry point that reads disk.
        .target(
            name: "CrosswalkLoad",
            dependencies: [
                "CrosswalkModel",
                "CLibXML2",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Content addressing (SHA-256 of bytes and files) and the rules for attachable files: shared
        // by the importers and every evidence store.
        .target(name: "CrosswalkFiles", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // The finding importers (Prowler OCSF/CSV, Security Hub ASFF, AWS Config, the evidence CSV):
        // bytes → ImportedFinding, streamed into any store's FindingSink. No store, no SQL.
        .target(
            name: "CrosswalkImport",
            dependencies: [
                "CrosswalkModel", "CrosswalkFiles", "CJSONSkip",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The embedded evidence store: SQLite through GRDB, files by SHA-256 beside it. The one
        // target that names GRDB or SQLite.
        .target(
            name: "CrosswalkEvidence",
            dependencies: [
                "CrosswalkModel",
                "CrosswalkFiles",
                "CSQLiteTuning",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the import's hot path only (Store/RawStatement.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // assess: the crosswalk graph (relationships, inference, coverage); pure functions of the model.
        .target(name: "CrosswalkAssess", dependencies: ["CrosswalkModel"]),
        // render: model → text / JSON. Never imports the loaders.
        .target(
            name: "CrosswalkRender",
            dependencies: ["CrosswalkModel", "CrosswalkAssess", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The application layer every front end shares: the use cases (open a project, assess,
        // gap bundle, SoA, checklist, diff, evidence dates), values in and values out; never
        // prints, exits or reads the clock or the environment. Stores come in as EvidenceReading.
        .target(
            name: "CrosswalkApp",
            dependencies: [
                "CrosswalkModel", "CrosswalkLoad", "CrosswalkAssess", "CrosswalkRender", "CrosswalkImport",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The thin CLI: option parsing and calls into the libraries.
        .executableTarget(
            name: "crosswalk",
            dependencies: [
                "CrosswalkModel", "CrosswalkLoad", "CrosswalkAssess", "CrosswalkEvidence", "CrosswalkImport", "CrosswalkFiles",
                "CrosswalkRender", "CrosswalkApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers the test targets share (golden files).
        .target(name: "CrosswalkTestSupport", path: "Tests/CrosswalkTestSupport"),
        .testTarget(
            name: "CrosswalkLoadTests",
            dependencies: ["CrosswalkModel", "CrosswalkLoad", "CrosswalkRender", "CrosswalkTestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "CrosswalkAssessTests",
            dependencies: ["CrosswalkModel", "CrosswalkLoad", "CrosswalkAssess", "CrosswalkRender", "CrosswalkTestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "CrosswalkEvidenceTests",
            dependencies: [
                "CrosswalkModel", "CrosswalkLoad", "CrosswalkEvidence", "CrosswalkImport", "CrosswalkFiles", "CrosswalkAssess",
                "CrosswalkRender", "CrosswalkTestSupport", "CJSONSkip", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "CrosswalkAppTests",
            dependencies: [
                "CrosswalkApp", "CrosswalkModel", "CrosswalkLoad", "CrosswalkAssess", "CrosswalkRender", "CrosswalkTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures", "Golden"]
        ),
        // The executable end to end: it runs the built crosswalk.
        .testTarget(
            name: "CrosswalkCLITests",
            dependencies: ["CrosswalkModel", "CrosswalkLoad", "CrosswalkTestSupport", "crosswalk"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(name: "CrosswalkModelTests", dependencies: ["CrosswalkModel"]),
        .testTarget(name: "CrosswalkRenderTests", dependencies: ["CrosswalkModel", "CrosswalkAssess", "CrosswalkRender"]),
        .testTarget(
            name: "CrosswalkCatalogueTests",
            dependencies: ["CrosswalkModel", "CrosswalkLoad"]
        ),
    ]
)
