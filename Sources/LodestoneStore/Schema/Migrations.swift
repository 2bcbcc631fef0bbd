/// The store's schema as named, ordered, append-only migrations. Never edit a shipped
/// migration: add a new one. Applied migrations are recorded in `lodestone_migration`.
enum Migrations {
    static let all: [(name: String, sql: String)] = [
        ("2026-11-24-initial-schema", """
        CREATE TABLE country (
            code INTEGER PRIMARY KEY,              -- numeric code of the trade data (BACI/Comtrade)
            m49 INTEGER NOT NULL,                  -- official UN M49 code
            iso3 TEXT NOT NULL,
            name TEXT NOT NULL,
            former_until INTEGER                   -- last year of a historical entity
        );
        CREATE TABLE commodity (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            production_series TEXT NOT NULL,
            category TEXT NOT NULL,
            stage TEXT NOT NULL CHECK (stage IN ('extraction', 'processing', 'unspecified')),
            symbol TEXT,
            production_unit TEXT NOT NULL,
            tonnes_per_unit REAL,
            recycling_rate REAL CHECK (recycling_rate BETWEEN 0 AND 1)
        );
        CREATE TABLE commodity_hs6 (
            commodity_id TEXT NOT NULL REFERENCES commodity(id) ON DELETE CASCADE,
            hs6 INTEGER NOT NULL CHECK (hs6 BETWEEN 10000 AND 999999),
            position INTEGER NOT NULL,
            PRIMARY KEY (commodity_id, hs6)
        ) WITHOUT ROWID;
        CREATE TABLE production (
            commodity_id TEXT NOT NULL REFERENCES commodity(id) ON DELETE CASCADE,
            country_code INTEGER NOT NULL REFERENCES country(code),
            year INTEGER NOT NULL,
            tonnes REAL NOT NULL CHECK (tonnes >= 0),
            published_amount REAL NOT NULL,
            PRIMARY KEY (commodity_id, country_code, year)
        ) WITHOUT ROWID;
        CREATE TABLE trade_flow (
            hs6 INTEGER NOT NULL,
            year INTEGER NOT NULL,
            importer INTEGER NOT NULL REFERENCES country(code),
            exporter INTEGER NOT NULL REFERENCES country(code),
            value_kusd REAL NOT NULL CHECK (value_kusd >= 0),
            tonnes REAL CHECK (tonnes >= 0),       -- NULL where the source has no quantity
            PRIMARY KEY (hs6, year, importer, exporter)
        ) WITHOUT ROWID;
        CREATE TABLE governance (
            country_code INTEGER NOT NULL REFERENCES country(code),
            year INTEGER NOT NULL,
            score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
            matched_by TEXT NOT NULL CHECK (matched_by IN ('code', 'iso3')),
            PRIMARY KEY (country_code, year)
        ) WITHOUT ROWID;
        CREATE TABLE country_group (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            source TEXT NOT NULL
        );
        CREATE TABLE country_group_member (
            group_id TEXT NOT NULL REFERENCES country_group(id) ON DELETE CASCADE,
            country_code INTEGER NOT NULL REFERENCES country(code),
            position INTEGER NOT NULL,
            PRIMARY KEY (group_id, country_code)
        ) WITHOUT ROWID;
        CREATE TABLE provenance (
            dataset TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            version TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            licence TEXT NOT NULL,
            url TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            rows INTEGER NOT NULL
        );
        CREATE TABLE import_warning (
            id INTEGER PRIMARY KEY,
            location TEXT NOT NULL,
            message TEXT NOT NULL
        );
        """),
        ("2026-11-25-value-chain-stages", """
        ALTER TABLE commodity ADD COLUMN family TEXT NOT NULL DEFAULT '';
        ALTER TABLE commodity ADD COLUMN chain_stage TEXT NOT NULL DEFAULT 'unspecified'
            CHECK (chain_stage IN ('mine', 'refined', 'metal', 'component', 'unspecified'));
        ALTER TABLE commodity ADD COLUMN is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1));
        ALTER TABLE commodity ADD COLUMN is_reference INTEGER NOT NULL DEFAULT 1 CHECK (is_reference IN (0, 1));
        ALTER TABLE commodity ADD COLUMN content_basis TEXT NOT NULL DEFAULT 'gross weight';
        ALTER TABLE commodity ADD COLUMN supply_class TEXT NOT NULL DEFAULT 'main-product'
            CHECK (supply_class IN ('main-product', 'by-product'));
        ALTER TABLE commodity ADD COLUMN notes TEXT NOT NULL DEFAULT '';
        UPDATE commodity SET family = id, chain_stage = CASE stage
            WHEN 'extraction' THEN 'mine' WHEN 'processing' THEN 'refined' ELSE 'unspecified' END;
        CREATE TABLE commodity_trade_code (
            commodity_id TEXT NOT NULL REFERENCES commodity(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            nomenclature TEXT NOT NULL CHECK (nomenclature IN ('HS92', 'HS96', 'HS02', 'HS07', 'HS12', 'HS17', 'HS22')),
            hs6 INTEGER NOT NULL CHECK (hs6 BETWEEN 10000 AND 999999),
            content_factor REAL NOT NULL CHECK (content_factor > 0 AND content_factor <= 2),
            shared_with TEXT NOT NULL DEFAULT '',   -- ';'-separated commodity ids sharing the code
            reference_price REAL CHECK (reference_price > 0),  -- USD/kg of content, cited in the catalogue
            PRIMARY KEY (commodity_id, position)
        ) WITHOUT ROWID;
        INSERT INTO commodity_trade_code SELECT commodity_id, position, 'HS92', hs6, 1, '', NULL FROM commodity_hs6;
        DROP TABLE commodity_hs6;
        CREATE TABLE trade (
            nomenclature TEXT NOT NULL CHECK (nomenclature IN ('HS92', 'HS96', 'HS02', 'HS07', 'HS12', 'HS17', 'HS22')),
            hs6 INTEGER NOT NULL,
            year INTEGER NOT NULL,
            importer INTEGER NOT NULL REFERENCES country(code),
            exporter INTEGER NOT NULL REFERENCES country(code),
            value_kusd REAL NOT NULL CHECK (value_kusd >= 0),
            tonnes REAL CHECK (tonnes >= 0),       -- NULL where the source has no quantity
            PRIMARY KEY (nomenclature, hs6, year, importer, exporter)
        ) WITHOUT ROWID;
        INSERT INTO trade SELECT 'HS92', hs6, year, importer, exporter, value_kusd, tonnes FROM trade_flow;
        DROP TABLE trade_flow;
        """),
        ("2026-12-05-official-statistics", """
        CREATE TABLE official_statistic (
            commodity_id TEXT NOT NULL REFERENCES commodity(id) ON DELETE CASCADE,
            country_code INTEGER NOT NULL REFERENCES country(code),
            year INTEGER NOT NULL,
            measure TEXT NOT NULL CHECK (measure IN ('production', 'imports', 'exports', 'consumption', 'net-import-reliance')),
            amount REAL CHECK (amount >= 0),         -- content tonnes, or a share for net import reliance; NULL for a bound or symbol
            published TEXT NOT NULL,                 -- as published, with its unit
            series TEXT NOT NULL,
            source TEXT NOT NULL,
            comparable INTEGER NOT NULL CHECK (comparable IN (0, 1)),  -- measures the stage's own forms
            note TEXT NOT NULL,
            PRIMARY KEY (commodity_id, country_code, year, measure)
        ) WITHOUT ROWID;
        """),
        ("2026-12-05-production-basis", """
        ALTER TABLE commodity ADD COLUMN production_basis TEXT NOT NULL DEFAULT 'stage-output'
            CHECK (production_basis IN ('stage-output', 'mine-output', 'cited-shares'));
        ALTER TABLE commodity ADD COLUMN production_world_tonnes REAL CHECK (production_world_tonnes > 0);
        """),
        ("2026-12-05-cited-unit-value", """
        ALTER TABLE commodity ADD COLUMN cited_unit_value REAL CHECK (cited_unit_value > 0);  -- USD/kg of content
        """),
        ("2026-12-06-country-names", """
        CREATE TABLE country_name (
            country_code INTEGER NOT NULL REFERENCES country(code),
            language TEXT NOT NULL CHECK (language IN ('ja', 'ar', 'zh')),
            name TEXT NOT NULL CHECK (length(name) > 0),
            PRIMARY KEY (country_code, language)
        ) WITHOUT ROWID;
        """),
        ("2026-12-06-official-partner", """
        CREATE TABLE official_figure (
            commodity_id TEXT NOT NULL REFERENCES commodity(id) ON DELETE CASCADE,
            country_code INTEGER NOT NULL REFERENCES country(code),
            partner_code INTEGER NOT NULL DEFAULT -1,  -- -1: the country's total; else a bilateral figure (customs exports to one partner)
            year INTEGER NOT NULL,
            measure TEXT NOT NULL CHECK (measure IN ('production', 'imports', 'exports', 'consumption', 'net-import-reliance')),
            amount REAL CHECK (amount >= 0),
            published TEXT NOT NULL,
            series TEXT NOT NULL,
            source TEXT NOT NULL,
            comparable INTEGER NOT NULL CHECK (comparable IN (0, 1)),
            note TEXT NOT NULL,
            PRIMARY KEY (commodity_id, country_code, partner_code, year, measure)
        ) WITHOUT ROWID;
        INSERT INTO official_figure
            SELECT commodity_id, country_code, -1, year, measure, amount, published, series, source, comparable, note FROM official_statistic;
        DROP TABLE official_statistic;  -- replaced, not renamed: a renamed table left WAL checkpoints 'locked' here
        """),
        ("2026-12-06-official-import-share", """
        -- The CHECK gains 'import-share'. SQLite cannot alter a CHECK: a new table, filled from the
        -- old, which is dropped (renaming or a temporary copy left the table 'locked' here).
        CREATE TABLE official_value (
            commodity_id TEXT NOT NULL REFERENCES commodity(id) ON DELETE CASCADE,
            country_code INTEGER NOT NULL REFERENCES country(code),
            partner_code INTEGER NOT NULL DEFAULT -1,  -- -1: the country's total; else a bilateral figure (customs exports to, or import share from, one partner)
            year INTEGER NOT NULL,
            measure TEXT NOT NULL CHECK (measure IN ('production', 'imports', 'exports', 'consumption', 'net-import-reliance', 'import-share')),
            amount REAL CHECK (amount >= 0),
            published TEXT NOT NULL,
            series TEXT NOT NULL,
            source TEXT NOT NULL,
            comparable INTEGER NOT NULL CHECK (comparable IN (0, 1)),
            note TEXT NOT NULL,
            PRIMARY KEY (commodity_id, country_code, partner_code, year, measure)
        ) WITHOUT ROWID;
        INSERT INTO official_value (commodity_id, country_code, partner_code, year, measure, amount, published, series, source, comparable, note)
            SELECT commodity_id, country_code, partner_code, year, measure, amount, published, series, source, comparable, note FROM official_figure;
        DROP TABLE official_figure;
        """),
    ]

    static func apply(to db: SQLiteDatabase) throws {
        try db.execute("CREATE TABLE IF NOT EXISTS lodestone_migration (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        var done: Set<String> = []
        do {  // finalized before any migration runs: DROP TABLE fails while a statement is open
            let applied = try db.prepare("SELECT name FROM lodestone_migration")
            while try applied.step() { done.insert(applied.text(0) ?? "") }
        }
        let known = Set(all.map(\.name))
        if let unknown = done.subtracting(known).sorted().first {
            throw StoreError.newerSchema(path: db.path, migration: unknown)
        }
        for migration in all where !done.contains(migration.name) {
            try db.transaction {
                // Another process may have applied it since the list was read: checked again under
                // the write lock, so two commands opening an older store at once both succeed.
                let applied = try db.scalarInt("SELECT 1 FROM lodestone_migration WHERE name = ?", [.text(migration.name)])
                guard applied == nil else { return }
                try db.execute(migration.sql)
                try db.prepare("INSERT INTO lodestone_migration (name, applied_at) VALUES (?, datetime('now'))")
                    .run([.text(migration.name)])
            }
        }
    }
}
