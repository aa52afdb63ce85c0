import Domain
import Yams

/// Loads the production line's rules from one YAML config file.
///
/// The file holds the sections `roles`, `people`, `mvp`, `approvals`, `slas`, `calendar`, `channel_specs`,
/// `escalations`, `warnings` and `launch` (see `deploy/marquee.yaml`, the complete default). A section the file leaves
/// out is taken whole from `Rules.builtIn`, so a file may override only what it needs; an empty file is the
/// built-in default. Within a section nothing is merged: a given `people` list is the whole team.
///
/// Every problem is reported, not just the first, each with its path and a sentence:
/// ```swift
/// switch loadRules(yaml: text) {
/// case .success(let rules): start(with: rules)
/// case .failure(let problems): print(problems)   // approvals.product_launch[2].role: unknown role "legl"
/// }
/// ```
/// Unknown keys are problems too (`aprovals: …` is never silently ignored), and so are references the
/// built-in sections make to roles a file's `roles` drops.
public func loadRules(yaml: String) -> Result<Rules, ConfigErrors> {
    let document: Node?
    do {
        document = try compose(yaml: yaml)
    } catch {
        return .failure(ConfigErrors([ConfigError(syntax: error)]))
    }
    var reader = ConfigReader(document: document)
    let rules = reader.readRules()
    return reader.errors.isEmpty ? .success(rules) : .failure(ConfigErrors(inFileOrder: reader.errors))
}
