/// UTM rules on one tracked link: required parameters present, values as planned, no duplicate keys,
/// lower case when the plan asks for it.
enum UTMRules {
    static func check(_ href: String, at place: HTMLScan.Link, plan: TrackingPlan, into out: inout FindingCollector) {
        let items = URLQuery(href).items.filter { $0.key.lowercased().hasPrefix("utm_") }
        let link = LinkRules.shortened(href)
        var missing: [String] = []
        for (key, expected) in plan.expectations {
            guard let actual = items.first(where: { $0.key.lowercased() == key })?.value else {
                missing.append(key)
                continue
            }
            if actual.lowercased() != expected.lowercased() || (!plan.lowercase && actual != expected) {
                out.add(
                    Finding(
                        .utmMismatch, at: place.location,
                        "The link \(link) has \(key)=\(actual), but the tracking plan says \(expected).",
                        fix: "Set \(key)=\(expected) as in the campaign's tracking plan."))
            }
        }
        if !missing.isEmpty {
            out.add(
                Finding(
                    .utmMissing, at: place.location,
                    "The link \(link) is missing \(missing.joined(separator: ", ")), so its clicks won't be attributed.",
                    fix: "Add the campaign's UTM parameters to the link (see the tracking plan)."))
        }
        var seen: Set<String> = []
        for key in items.map({ $0.key.lowercased() }) where !seen.insert(key).inserted {
            out.add(
                Finding(
                    .utmDuplicateKey, at: place.location, "The link \(link) has \(key) more than once.",
                    fix: "Keep one \(key) parameter in the link."))
        }
        if plan.lowercase, items.contains(where: { $0.key != $0.key.lowercased() || $0.value != $0.value.lowercased() })
        {
            out.add(
                Finding(
                    .utmNotLowercase, at: place.location,
                    "The link \(link) has upper-case letters in its UTM parameters, which splits reports.",
                    fix: "Write UTM keys and values in lower case."))
        }
    }
}
