/// UTM rules on one tracked link: required parameters present, values as planned, no duplicate keys,
/// lower case when the plan asks for it.
enum UTMRules {
    static func check(_ href: String, at place: HTMLScan.Link, plan: TrackingPlan, into out: inout FindingCollector) {
        // Each key is lower-cased once; most links pass every rule, so the message text is built only on a finding.
        let items = URLQuery(href).items.compactMap { item -> (key: String, lowerKey: String, value: String)? in
            let lowerKey = ASCIISearch.lowercased(item.key)
            return lowerKey.hasPrefix("utm_") ? (item.key, lowerKey, item.value) : nil
        }
        var missing: [String] = []
        for (key, expected) in plan.expectations {
            guard let actual = items.first(where: { $0.lowerKey == key })?.value else {
                missing.append(key)
                continue
            }
            if ASCIISearch.lowercased(actual) != ASCIISearch.lowercased(expected) || (!plan.lowercase && actual != expected) {
                out.add(
                    Finding(
                        .utmMismatch, at: place.location,
                        "The link \(LinkRules.shortened(href)) has \(key)=\(actual), but the tracking plan says \(expected).",
                        fix: "Set \(key)=\(expected) as in the campaign's tracking plan."))
            }
        }
        if !missing.isEmpty {
            out.add(
                Finding(
                    .utmMissing, at: place.location,
                    "The link \(LinkRules.shortened(href)) is missing \(missing.joined(separator: ", ")), so its clicks "
                        + "won't be attributed.",
                    fix: "Add the campaign's UTM parameters to the link (see the tracking plan)."))
        }
        var seen: Set<String> = []  // only for long queries: a few keys are compared directly, without allocating
        for (index, item) in items.enumerated()
        where items.count <= 16
            ? items[..<index].contains(where: { $0.lowerKey == item.lowerKey }) : !seen.insert(item.lowerKey).inserted
        {
            out.add(
                Finding(
                    .utmDuplicateKey, at: place.location,
                    "The link \(LinkRules.shortened(href)) has \(item.lowerKey) more than once.",
                    fix: "Keep one \(item.lowerKey) parameter in the link."))
        }
        if plan.lowercase, items.contains(where: { $0.key != $0.lowerKey || !ASCIISearch.isLowercase($0.value) }) {
            out.add(
                Finding(
                    .utmNotLowercase, at: place.location,
                    "The link \(LinkRules.shortened(href)) has upper-case letters in its UTM parameters, which splits reports.",
                    fix: "Write UTM keys and values in lower case."))
        }
    }
}
