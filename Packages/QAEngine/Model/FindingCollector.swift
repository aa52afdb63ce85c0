/// Gathers findings, keeping at most `limitPerRule` per rule so hostile input cannot flood a report;
/// the overflow is summed up in one extra finding per rule.
struct FindingCollector {
    private(set) var findings: [Finding] = []
    private var counts: [RuleID: Int] = [:]
    private let limitPerRule: Int

    init(limitPerRule: Int) { self.limitPerRule = limitPerRule }

    /// True while `rule` can still take findings; check it before building an expensive location.
    func accepts(_ rule: RuleID) -> Bool { counts[rule, default: 0] < limitPerRule }

    mutating func add(_ finding: Finding) {
        counts[finding.rule, default: 0] += 1
        if counts[finding.rule, default: 0] <= limitPerRule { findings.append(finding) }
    }

    mutating func add(contentsOf more: [Finding]) { more.forEach { add($0) } }

    /// The findings, plus one summary per rule that went over the limit.
    var result: [Finding] {
        let over = counts.filter { $0.value > limitPerRule }
        // Usually no rule is over: hand the array back as is (a copy would be one more large allocation).
        guard !over.isEmpty else { return findings }
        return findings
            + over.sorted { $0.key.rawValue < $1.key.rawValue }.map { rule, count in
                Finding(
                    rule, at: nil, "\(count - limitPerRule) more places have the same problem.",
                    fix: "Fix the places listed above the same way; the rest follow the same pattern.")
            }
    }
}
