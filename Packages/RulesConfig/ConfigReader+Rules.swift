import Domain
import Yams

extension ConfigReader {
    /// Reads the whole document; sections it leaves out are read from the built-in default, so references
    /// in them are checked against the file's roles too. `roles` is read first: the others refer to it.
    mutating func readRules() -> Rules {
        var rules = Rules.builtIn
        var sections = sectionNodes()
        func take(_ section: ConfigSection) -> (Node, ConfigPath)? {
            sections.removeValue(forKey: section).map { ($0, section.path) }
        }
        if let (node, path) = take(.roles) { rules.roles = readRoles(node, at: path) }
        if let (node, path) = take(.people) { rules.people = readPeople(node, at: path) }
        if let (node, path) = take(.mvp) { rules.mvp = readMVP(node, at: path) }
        if let (node, path) = take(.approvals) { rules.approvals = readApprovals(node, at: path) }
        if let (node, path) = take(.slas) { rules.slas = readSLAs(node, at: path) }
        if let (node, path) = take(.calendar) { rules.calendar = readCalendar(node, at: path) }
        if let (node, path) = take(.channelSpecs) { rules.channelSpecs = readChannelSpecs(node, at: path) }
        if let (node, path) = take(.escalations) { rules.escalations = readEscalations(node, at: path) }
        if let (node, path) = take(.warnings), let warnings = decode(WarningThresholds.self, from: node, at: path) {
            rules.warnings = warnings
            check(warnings, at: path)
        }
        if let (node, path) = take(.launch), let launch = decode(LaunchPolicy.self, from: node, at: path) {
            rules.launch = launch
            if launch.monitoringDays < 0 {
                report("must be 0 or more, got \(launch.monitoringDays)", at: path["monitoring_days"])
            }
        }
        return rules
    }

    /// Each section's node: the file's, or the built-in default's when the file leaves the section out.
    private mutating func sectionNodes() -> [ConfigSection: Node] {
        var given: [String: Node] = [:]
        if let document {
            given = fields(of: document, at: .root, known: ConfigSection.allCases.map(\.rawValue)) ?? [:]
        }
        var nodes: [ConfigSection: Node] = [:]
        for section in ConfigSection.allCases {
            do {
                nodes[section] = try given[section.rawValue] ?? section.node(of: .builtIn)
            } catch {
                report("the built-in default could not be encoded: \(error)", at: section.path)
            }
        }
        return nodes
    }
}
