import RulesConfig
import Testing

@Suite struct SyntaxErrorTests {
    @Test func malformedYAMLIsOneErrorWithLineAndColumn() throws {
        let yaml = """
            roles: [requester]
            people:
              - id: ana
               name: Ana
            """
        guard case .failure(let problems) = loadRules(yaml: yaml) else {
            Issue.record("malformed YAML loaded")
            return
        }
        let problem = try #require(problems.errors.first)
        #expect(problems.errors.count == 1)
        #expect(problem.path == .root)
        #expect(problem.location?.line == 4)
        #expect(problem.description.hasPrefix("invalid YAML at line 4, column "), "got: \(problem)")
    }

    @Test func unclosedFlowListNamesWhereItStopped() throws {
        guard case .failure(let problems) = loadRules(yaml: "roles: [requester, legal\npeople: []\n") else {
            Issue.record("malformed YAML loaded")
            return
        }
        let problem = try #require(problems.errors.first)
        #expect(problem.location != nil)
        #expect(problem.message.hasPrefix("invalid YAML at line "), "got: \(problem)")
    }

    @Test func duplicateKeyIsAnError() throws {
        guard case .failure(let problems) = loadRules(yaml: "roles: [requester]\nroles: [legal]\n") else {
            Issue.record("a file with a duplicate key loaded")
            return
        }
        #expect(problems.errors.map(\.message) == [#"invalid YAML at line 1, column 1: duplicate key "roles""#])
    }

    @Test func documentThatIsNotAMappingIsAnError() throws {
        guard case .failure(let problems) = loadRules(yaml: "- roles\n- people\n") else {
            Issue.record("a list loaded as rules")
            return
        }
        #expect(problems.description == "expected a mapping, got a list")
    }
}
