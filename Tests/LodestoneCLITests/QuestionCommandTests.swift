import Foundation
import LodestoneEngine
import Testing

/// The commands of registered questions are built from the registry: each question's
/// parameters are its options, with their aliases, lists, `--name=value`, a positional value
/// where the registry allows one, and clear refusals of anything else.
@Suite struct QuestionCommandTests {
    @Test func everyRegisteredQuestionHasACommandWhoseHelpListsItsParameters() {
        for question in Questions.all {
            let help = CLI.run(question.command + ["--help"])
            #expect(help.status == 0, "\(question.command): \(help.stderr)")
            // A question whose command keeps options of its own (files, modes) documents them itself.
            guard help.stdout.contains("The question's parameters") else { continue }
            for parameter in question.parameters {
                let spelled = parameter.name.unicodeScalars.contains { CharacterSet.uppercaseLetters.contains($0) } ? "" : "--" + parameter.name
                if !spelled.isEmpty { #expect(help.stdout.contains(spelled), "\(question.command) --help does not list \(spelled)") }
            }
        }
    }

    @Test func aListTakesSeveralValuesAndAnAliasWorks() throws {
        let several = CLI.lodestone("risk", "--for", "JPN", "--commodity", "gallium", "germanium", "--year", "2024", "--format", "csv")
        let listed = CLI.lodestone("risk", "--importer", "JPN", "--commodity=gallium,germanium", "--year", "2024", "--format", "csv")
        #expect(several.status == 0, "\(several.stderr)")
        #expect(several.stdout == listed.stdout)
        #expect(several.stdout.contains("germanium:refined"))
    }

    /// A list is comma-separated, but a name that holds a comma is kept whole.
    @Test func aNameWithACommaIsOneName() {
        let byName = CLI.lodestone("risk", "--importer", "USA", "--commodity", "Tungsten (unwrought, powders)", "--year", "2024", "--format", "csv")
        let byID = CLI.lodestone("risk", "--importer", "USA", "--commodity", "tungsten:metal", "--year", "2024", "--format", "csv")
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byName.stdout == byID.stdout)
        let two = CLI.lodestone("risk", "--importer", "USA", "--commodity", "gallium, germanium", "--year", "2024", "--format", "csv")
        #expect(two.stdout.split(separator: "\n").count == 3, "a header and two rows: \(two.stdout)")
    }

    @Test func aPositionalValueAndItsFlagAreTheSame() {
        let bare = CLI.lodestone("country", "JPN", "--format", "json")
        let flagged = CLI.lodestone("country", "--country", "JPN", "--format", "json")
        #expect(bare.status == 0, "\(bare.stderr)")
        #expect(bare.stdout == flagged.stdout)
        let twice = CLI.lodestone("country", "JPN", "USA")
        #expect(twice.status == 64 && twice.stderr.contains("unexpected argument 'USA'"), "\(twice.stderr)")
    }

    @Test func anythingElseIsRefusedWithWhatToDo() {
        let unknown = CLI.lodestone("concentration", "--commodity", "cobalt", "--importer", "JPN")
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown option '--importer'") && unknown.stderr.contains("--commodity, --top"), "\(unknown.stderr)")
        let missing = CLI.lodestone("suppliers", "--importer", "JPN")
        #expect(missing.status == 64 && missing.stderr.contains("missing --commodity"), "\(missing.stderr)")
        let empty = CLI.lodestone("trace", "--importer", "JPN", "--commodity")
        #expect(empty.status == 64 && empty.stderr.contains("--commodity needs a value"), "\(empty.stderr)")
        let twice = CLI.lodestone("concentration", "--commodity", "cobalt", "--commodity", "nickel")
        #expect(twice.status == 64 && twice.stderr.contains("given twice"), "\(twice.stderr)")
        let choice = CLI.lodestone("risk", "--importer", "JPN", "--sort", "size")
        #expect(choice.status == 64 && choice.stderr.contains("must be one of score, cf"), "\(choice.stderr)")
        let series = CLI.lodestone("country", "JPN", "--years", "2020-2024")
        #expect(series.status == 64 && series.stderr.contains("use --year"), "\(series.stderr)")
        let none = CLI.lodestone("commodities", "--year", "2024")
        #expect(none.status == 64 && none.stderr.contains("not about a year"), "\(none.stderr)")
    }

    @Test func dataCheckIsASubcommandOfData() {
        let check = CLI.lodestone("data", "check", "--importer", "USA", "--year", "2024", "--format", "csv")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("gallium:refined"))
    }
}

/// A question added through the registry alone (issue 15's example): its command, its route and
/// its document come from one entry.
@Suite struct ExposureEndToEndTests {
    @Test func exposureAnswersOnTheCommandLine() throws {
        let csv = CLI.lodestone("exposure", "--exporter", "CHN", "--commodity", "gallium", "--year", "2024", "--top", "3", "--format", "csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("rank,country_code,country,") == true, "\(lines.first ?? "")")
        #expect(lines.count == 4)
        #expect(lines[1].contains("KOR"), "Korea takes most of China's gallium in 2024: \(lines[1])")
        let series = CLI.lodestone("exposure", "--exporter", "CHN", "--commodity", "gallium", "--years", "2022,2024", "--top", "1", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(series.stdout.utf8)) as? [String: Any])
        #expect(object["years"] as? [Int] == [2022, 2024])
    }
}
