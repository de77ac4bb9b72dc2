/// Finds `{{site.KEY}}` placeholders in text and checks them against the site's facts.
public final class PlaceholderChecker {
    /// The facts a site defines, or nil when no site file was found.
    public let knownFacts: Set<String>?
    /// Where the site file is, for messages.
    public let siteDescription: String
    /// Every fact key used, with where it was first used.
    public private(set) var used: [String: SourceLocation] = [:]
    private var reportedMissingSite = false

    public init(knownFacts: Set<String>?, siteDescription: String = "site.yaml") {
        self.knownFacts = knownFacts
        self.siteDescription = siteDescription
    }

    func check(_ text: String, in node: YAMLNode, decoder: NodeDecoder) {
        guard Placeholder.mayContain(text) else { return }
        for placeholder in Placeholder.scan(text) {
            let location = decoder.source.find(placeholder.raw, from: node.start, throughLine: node.end.line) ?? node.start
            guard let key = placeholder.key else {
                decoder.bag.error(
                    "'\(placeholder.raw)' is not a placeholder", at: location, length: placeholder.raw.count,
                    hint: "placeholders are written {{site.key_name}}")
                continue
            }
            if used[key] == nil { used[key] = location }
            guard let knownFacts else {
                if !reportedMissingSite {
                    reportedMissingSite = true
                    decoder.bag.error(
                        "placeholder '{{site.\(key)}}' is used but no site file was found", at: location,
                        length: placeholder.raw.count,
                        hint: "create \(siteDescription) with a 'facts:' section (see docs/module-format.md)")
                }
                continue
            }
            if !knownFacts.contains(key) {
                decoder.bag.error(
                    "unknown placeholder '{{site.\(key)}}'", at: location, length: placeholder.raw.count,
                    hint: Suggestion.hint(for: key, in: knownFacts) ?? "add '\(key)' to the facts of \(siteDescription)")
            }
        }
    }
}
