import RulesConfig
import Testing

@Suite struct EveryErrorTests {
    @Test func everyProblemIsReportedInFileOrderWithItsLocation() throws {
        let yaml = """
            people:
              - {id: ana, name: Ana, roles: [legl]}
              - {id: ana, name: Ann, roles: [requester]}
            calendar:
              time_zone: Europe/Berlim
              working_days: [monday, funday]
              opens: '17:00'
              closes: '09:00'
              holidays: [2026-13-01]
            """
        guard case .failure(let problems) = loadRules(yaml: yaml) else {
            Issue.record("a bad file loaded")
            return
        }
        #expect(
            problems.errors.map(\.description) == [
                #"people[0].roles[0]: unknown role "legl""#,
                #"people[1].id: duplicate person id "ana"; first used at people[0]"#,
                #"calendar.time_zone: unknown time zone "Europe/Berlim"; "#
                    + #"expected an IANA name such as "Europe/Berlin""#,
                #"calendar.working_days[1]: unknown weekday "funday"; expected one of: monday, tuesday, wednesday, "#
                    + "thursday, friday, saturday, sunday",
                "calendar.closes: closing time 09:00 must be after opening time 17:00",
                #"calendar.holidays[0]: expected a date as YYYY-MM-DD, got "2026-13-01""#,
            ])
        #expect(problems.errors.map { $0.location?.line } == [2, 3, 5, 6, 8, 9])
    }

    @Test func pathsReadAsKeysAndIndices() {
        let path = ConfigPath.root["approvals"]["product_launch"][2]["role"]
        #expect(path.description == "approvals.product_launch[2].role")
        #expect(ConfigPath.root["mvp"]["odd key"].description == #"mvp["odd key"]"#)
    }
}
