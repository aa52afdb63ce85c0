import Domain

/// SLA compliance of one group (a step or an owner role): settled outcomes met and missed.
public struct SLACompliance: Sendable, Hashable, Codable {
    /// The step name or role.
    public var name: String
    public var met: Int
    public var missed: Int

    /// Met over settled, 0…1; `nil` when nothing settled.
    public var rate: Double? { met + missed == 0 ? nil : Double(met) / Double(met + missed) }

    /// Creates a row.
    public init(name: String, met: Int, missed: Int) {
        self.name = name
        self.met = met
        self.missed = missed
    }

    /// Compliance of `outcomes` settled in `period`, grouped by `group`, sorted by name.
    public static func grouped(_ outcomes: [SLAOutcome], in period: ReportPeriod, by group: (SLAOutcome) -> String)
        -> [SLACompliance]
    {
        var rows: [String: SLACompliance] = [:]
        for outcome in outcomes {
            guard let settled = outcome.settledAt, period.contains(settled) else { continue }
            let name = group(outcome)
            var row = rows[name] ?? SLACompliance(name: name, met: 0, missed: 0)
            if outcome.status == .met { row.met += 1 } else { row.missed += 1 }
            rows[name] = row
        }
        return rows.values.sorted { $0.name < $1.name }
    }

    private enum CodingKeys: String, CodingKey {
        case name, met, missed, rate
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(met, forKey: .met)
        try c.encode(missed, forKey: .missed)
        try c.encode(rate, forKey: .rate)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        met = try c.decode(Int.self, forKey: .met)
        missed = try c.decode(Int.self, forKey: .missed)
    }
}
