import Domain
import Yams

extension ConfigReader {
    /// Reads `mvp`: per campaign type the required fields (each once) and a known role to assign to.
    /// Types left out use `MVPRule.fallback`.
    mutating func readMVP(_ node: Node, at path: ConfigPath) -> [CampaignType: MVPRule] {
        var mvp: [CampaignType: MVPRule] = [:]
        for entry in entries(of: node, at: path, keyedBy: CampaignType.self) {
            guard let rule = decode(MVPRule.self, from: entry.node, at: entry.path) else { continue }
            for (index, field) in rule.fields.enumerated() where rule.fields[..<index].contains(field) {
                report("MVP field \"\(field.rawValue)\" is listed twice", at: entry.path["fields"][index])
            }
            checkRole(rule.assignTo, at: entry.path["assign_to"])
            mvp[entry.key] = rule
        }
        return mvp
    }
}
