import Foundation
@testable import LodestoneEngine
@testable import LodestoneStore
import Testing

/// Exports: CSV numbers equal to the JSON's, the metadata lines, the workbook's parts and
/// cells, and one number format per unit for people.
@Suite struct ExportTests {
    let engine = Shared.engine

    /// Every number of the CSV is the JSON's number, to the last bit (Foundation's
    /// JSONSerialization rounded some in the last digit: 0.8602114274965091 for …089).
    @Test func csvNumbersAreTheJSONNumbers() throws {
        let report = try engine.risk(RiskRequest(importer: "JPN", year: 2024))
        let csv = try ReportRenderer.render(report, as: .csv).split(separator: "\n").dropFirst()
        #expect(csv.count == report.rows.count)
        for (line, row) in zip(csv, report.rows) where !line.contains("\"") {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            let hhi = try #require(Double(String(cells[3])))
            #expect(hhi.bitPattern == row.hhi.bitPattern, "\(cells[3]) vs \(row.hhi)")
            #expect(String(cells[3]) == String(describing: row.hhi))
        }
    }

    @Test func localisedJSONKeepsNumbersAndKeyOrder() throws {
        let report = try engine.risk(RiskRequest(importer: "USA", year: 2024))
        let english = try ReportRenderer.render(report, as: .json)
        let japanese = try ReportRenderer.render(report, as: .json, localizer: try engine.localizer("ja"))
        // The same document with localName keys added: remove them and the two are equal.
        let stripped = japanese.split(separator: "\n").filter { !$0.contains("\"localName\"") }.joined(separator: "\n") + "\n"
        let normalise = { (text: String) in text.replacingOccurrences(of: ",\n", with: "\n") }
        #expect(normalise(stripped) == normalise(english))
    }

    @Test func csvMetadataNamesTheQuestionVersionSourcesAndUnits() throws {
        let report = try engine.concentration(ConcentrationRequest(commodity: "cobalt", top: 3))
        let context = engine.exportContext(question: "lodestone concentration --commodity cobalt")
        let answer = try ReportRenderer.export(report, as: .csv, localizer: nil, context: context, metadata: true)
        let text = String(decoding: answer.bytes, as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "# Lodestone answer to: lodestone concentration --commodity cobalt")
        #expect(lines[1] == "# data version: \(engine.dataVersion)")
        #expect(lines.contains { $0.hasPrefix("# source: trade:") })
        #expect(lines.contains("# column tonnes: tonnes — metric tonnes"))
        // After the metadata, the same CSV as without it.
        let body = lines.drop { $0.hasPrefix("#") }.joined(separator: "\n") + "\n"
        #expect(body == (try ReportRenderer.render(report, as: .csv)))
        let plain = try ReportRenderer.export(report, as: .csv, localizer: nil, context: context, metadata: false)
        #expect(String(decoding: plain.bytes, as: UTF8.self) == body)
    }

    /// The workbook is a zip whose parts an xlsx reader needs, with the CSV's cells on the
    /// first sheet (numbers as numbers) and the context on the About sheet. CI also reads it
    /// back with openpyxl (scripts/check-xlsx.py).
    @Test func workbookHoldsTheCSVCellsAndItsContext() throws {
        let report = try engine.suppliers(SuppliersRequest(importer: "JPN", commodity: "gallium", year: 2024))
        let context = engine.exportContext(question: "GET /api/v1/suppliers?importer=JPN&commodity=gallium&year=2024")
        let bytes = try ReportRenderer.workbook(report, context: context)
        let zip = try ZipArchive(data: bytes, name: "answer.xlsx")
        let names = Set(zip.entries.map(\.path))
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                     "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            #expect(names.contains(part), "missing \(part)")
        }
        func part(_ name: String) throws -> String {
            String(decoding: try zip.extract(try #require(zip.entries.first { $0.path == name })), as: UTF8.self)
        }
        let workbook = try part("xl/workbook.xml")
        #expect(workbook.contains(#"<sheet name="Answer""#) && workbook.contains(#"<sheet name="About""#))
        let sheet = try part("xl/worksheets/sheet1.xml")
        #expect(sheet.contains(#"<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">rank</t>"#))
        #expect(sheet.contains(#"<c r="A2"><v>1</v></c>"#))       // a rank is a whole number
        // Every cell of the CSV's first row is in the sheet: numbers as <v>, text as inline strings.
        let csv = try ReportRenderer.render(report, as: .csv).split(separator: "\n")
        for cell in csv[1].split(separator: ",") where cell != "false" {
            #expect(sheet.contains(Double(cell) != nil ? "<v>\(cell)</v>" : ">\(cell)</t>"), "\(cell)")
        }
        let about = try part("xl/worksheets/sheet\(zip.entries.filter { $0.path.hasPrefix("xl/worksheets/") }.count).xml")
        #expect(about.contains(engine.dataVersion) && about.contains("importer=JPN&amp;commodity=gallium"))
        // The same answer gives the same bytes.
        #expect(try ReportRenderer.workbook(report, context: context) == bytes)
    }

    @Test func workbookRefusesTextOutput() {
        #expect(throws: EngineError.self) { try ReportRenderer.render(try engine.countries(), as: .xlsx) }
    }

    @Test func xmlEscapingAndColumnLetters() {
        #expect(Workbook.escaped("a<b & \"c\"\u{1}") == "a&lt;b &amp; &quot;c&quot;")
        #expect(Workbook.column(0) == "A" && Workbook.column(25) == "Z" && Workbook.column(26) == "AA" && Workbook.column(701) == "ZZ" && Workbook.column(702) == "AAA")
    }

    /// One format per unit: small tonnages never read as thousands, scores keep four
    /// significant digits in every row, and no table shows scientific notation.
    @Test func numbersForPeople() {
        #expect(ReportRenderer.format(2, .tonnes) == "2")
        #expect(ReportRenderer.format(6.5, .tonnes) == "6.5")
        #expect(ReportRenderer.format(0.1634, .tonnes) == "0.163")
        #expect(ReportRenderer.format(171_516.4, .tonnes) == "171,516")
        #expect(ReportRenderer.format(0.515, .score) == "0.5150")
        #expect(ReportRenderer.format(0.5987, .score) == "0.5987")
        #expect(ReportRenderer.format(133_400, .price) == "133,400")
        #expect(ReportRenderer.format(0.0000206377, .score) == "0.00002064")
        #expect(ReportRenderer.format(-0.5, .score) == "-0.5000")
        #expect(ReportRenderer.format(0, .score) == "0")
        // Days of cover: whole days from 10 up (9.96 rounds to 10, not "10.0"), one decimal below.
        #expect(ReportRenderer.format(164.6, .days) == "165" && ReportRenderer.format(1_234.4, .days) == "1,234")
        #expect(ReportRenderer.format(9.96, .days) == "10" && ReportRenderer.format(3.133, .days) == "3.1")
        #expect(ReportRenderer.format(0, .days) == "0")
        // Parameters in prose drop trailing zeros: "within ×1.5", "disruptions last 2 years".
        #expect(ReportRenderer.plain(1.5) == "1.5" && ReportRenderer.plain(2) == "2" && ReportRenderer.plain(0.125) == "0.125")
    }
}
