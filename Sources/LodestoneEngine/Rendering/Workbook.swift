import Foundation
import LodestoneStore

/// An Office Open XML workbook (.xlsx) written directly: the smallest set of parts Excel,
/// LibreOffice and openpyxl read (content types, relationships, workbook, styles, one worksheet
/// per sheet), cells as inline strings, numbers and booleans, the header row bold and frozen.
enum Workbook {
    struct Sheet {
        var name: String
        var header: [String]
        var rows: [[ReportRenderer.Field]]
        /// Columns (0-based) shown as percentages; the stored value is the CSV's fraction.
        var percent: Set<Int> = []
    }

    static func data(sheets: [Sheet]) throws(EngineError) -> Data {
        var zip = ZipWriter()
        do {
            try zip.add("[Content_Types].xml", Data(contentTypes(sheets.count).utf8))
            try zip.add("_rels/.rels", Data(rootRelationships.utf8))
            try zip.add("xl/workbook.xml", Data(workbook(sheets).utf8))
            try zip.add("xl/_rels/workbook.xml.rels", Data(workbookRelationships(sheets.count).utf8))
            try zip.add("xl/styles.xml", Data(styles.utf8))
            for (index, sheet) in sheets.enumerated() {
                try zip.add("xl/worksheets/sheet\(index + 1).xml", Data(worksheet(sheet).utf8))
            }
        } catch {
            throw EngineError(.failure, "the workbook could not be written: \(error)")
        }
        return zip.finish()
    }

    private static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(_ count: Int) -> String {
        header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + (1...count).map { #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined()
            + "</Types>"
    }

    private static let rootRelationships = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    private static func workbook(_ sheets: [Sheet]) -> String {
        var used = Set<String>()
        let names = sheets.map { sheet -> String in
            var name = String(sheet.name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
            if name.isEmpty { name = "Sheet" }
            var candidate = name, n = 2
            while !used.insert(candidate.lowercased()).inserted { candidate = String(name.prefix(28)) + " \(n)"; n += 1 }
            return candidate
        }
        return header + #"<workbook xmlns="\#(main)" xmlns:r="\#(relNS)"><sheets>"#
            + names.enumerated().map { #"<sheet name="\#(escaped($1))" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"# }.joined()
            + "</sheets></workbook>"
    }

    private static func workbookRelationships(_ count: Int) -> String {
        header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + (1...count).map { #"<Relationship Id="rId\#($0)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0).xml"/>"# }.joined()
            + #"<Relationship Id="rId\#(count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// Style 0 plain, 1 bold (the header), 2 a percentage with one decimal.
    private static let styles = header + #"<styleSheet xmlns="\#(main)">"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    private static func worksheet(_ sheet: Sheet) -> String {
        var xml = header + #"<worksheet xmlns="\#(main)">"#
        xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        xml += "<sheetData>"
        xml += row(1, sheet.header.map { .text($0) }, bold: true, percent: [])
        for (index, fields) in sheet.rows.enumerated() { xml += row(index + 2, fields, bold: false, percent: sheet.percent) }
        return xml + "</sheetData></worksheet>"
    }

    private static func row(_ number: Int, _ fields: [ReportRenderer.Field], bold: Bool, percent: Set<Int>) -> String {
        var xml = #"<row r="\#(number)">"#
        for (index, field) in fields.enumerated() {
            let ref = column(index) + String(number)
            let style = bold ? #" s="1""# : percent.contains(index) ? #" s="2""# : ""
            switch field {
            case .empty: continue
            case .text(let text): xml += #"<c r="\#(ref)" t="inlineStr"\#(style)><is><t xml:space="preserve">\#(escaped(text))</t></is></c>"#
            case .number(let x, _) where x.isFinite: xml += #"<c r="\#(ref)"\#(style)><v>\#(field.csvText)</v></c>"#
            case .number(let x, _): xml += #"<c r="\#(ref)" t="inlineStr"><is><t>\#(x.isNaN ? "nan" : x > 0 ? "inf" : "-inf")</t></is></c>"#
            case .flag(let flag): xml += #"<c r="\#(ref)" t="b"\#(style)><v>\#(flag ? 1 : 0)</v></c>"#
            }
        }
        return xml + "</row>"
    }

    /// A, B, …, Z, AA, AB, …
    static func column(_ index: Int) -> String {
        var n = index + 1, letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// Text as XML character data: the five markup characters escaped, characters XML 1.0
    /// cannot hold (most control characters) dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || (0xFFFE...0xFFFF).contains(v) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
