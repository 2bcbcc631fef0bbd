import LodestoneCore

/// Turning what a request names into the model's types, within the engine's limits.
extension Engine {
    func importer(_ text: String) throws(EngineError) -> Importer {
        try checkSize(text, what: "importer")
        do { return try dataset.resolveImporter(text) } catch { throw EngineError(error) }
    }

    func commodity(_ text: String) throws(EngineError) -> Commodity {
        try checkSize(text, what: "commodity")
        do { return try dataset.resolveCommodity(text) } catch { throw EngineError(error) }
    }

    /// Names given as a list, each entry possibly comma-separated; blanks dropped.
    func names(_ texts: [String], what: String) throws(EngineError) -> [String] {
        for text in texts { try checkSize(text, what: what) }
        let names = texts.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard names.count <= limits.maxNamesPerList else {
            throw EngineError(.usage, "too many \(what) entries (\(names.count)); at most \(limits.maxNamesPerList) per request")
        }
        return names
    }

    /// Refuses a name too long or a union of too many parts before resolving it: resolving costs
    /// a suggestion search per unknown part.
    func checkSize(_ text: String, what: String) throws(EngineError) {
        guard text.utf8.count <= limits.maxTextLength else {
            throw EngineError(.usage, "the \(what) text is \(text.utf8.count) characters long; at most \(limits.maxTextLength)")
        }
        let parts = text.split(separator: "+").count
        guard parts <= limits.maxNamesPerList else {
            throw EngineError(.usage, "the \(what) '\(text.prefix(40))…' joins \(parts) names; at most \(limits.maxNamesPerList)")
        }
    }

    func checkYear(_ year: Int?) throws(EngineError) {
        guard let year else { return }
        guard (1900...2200).contains(year) else { throw EngineError(.usage, "year \(year) is not a plausible year; give one like 2022") }
    }
}
