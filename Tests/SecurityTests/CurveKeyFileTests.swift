import Foundation
import Testing
import ZeroMQ

@Suite struct CurveKeyFileTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-keys-\(UUID().uuidString)").path

    @Test func writesAPublicFileAndASecretFileOnlyItsOwnerCanRead() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let keys = try CurveKeyPair.generate()
        let files = try CurveKeyFile.write(keys, directory: directory, name: "intake")
        #expect(files.secretKey.hasSuffix("intake.secret"))
        let secretMode = try #require(try FileManager.default.attributesOfItem(atPath: files.secretKey)[.posixPermissions] as? Int)
        #expect(secretMode == 0o600)
        let publicMode = try #require(try FileManager.default.attributesOfItem(atPath: files.publicKey)[.posixPermissions] as? Int)
        #expect(publicMode == 0o644)
        #expect(try CurveKeyFile.readKey(files.publicKey) == keys.publicKey)
        #expect(try CurveKeyFile.readPair(secretKeyPath: files.secretKey) == keys)
    }

    @Test func refusesToOverwriteUnlessForced() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try CurveKeyPair.generate()
        let files = try CurveKeyFile.write(first, directory: directory, name: "bus")
        #expect(throws: CurveKeyError.exists(path: files.publicKey)) {
            try CurveKeyFile.write(try CurveKeyPair.generate(), directory: directory, name: "bus")
        }
        #expect(try CurveKeyFile.readPair(secretKeyPath: files.secretKey) == first)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: files.secretKey)
        let second = try CurveKeyPair.generate()
        try CurveKeyFile.write(second, directory: directory, name: "bus", overwrite: true)
        #expect(try CurveKeyFile.readPair(secretKeyPath: files.secretKey) == second)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: files.secretKey)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
    }

    @Test func reportsBadFilesAndNamesInASentence() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: CurveKeyError.badName("../x")) { try CurveKeyFile.write(try CurveKeyPair.generate(), directory: directory, name: "../x") }
        let files = try CurveKeyFile.write(try CurveKeyPair.generate(), directory: directory, name: "a")
        try Data("# comment\nnot a key\n".utf8).write(to: URL(fileURLWithPath: files.publicKey))
        #expect(throws: CurveKeyError.notAKey(path: files.publicKey)) { try CurveKeyFile.readKey(files.publicKey) }
        try Data((try CurveKeyPair.generate().publicKey + "\n").utf8).write(to: URL(fileURLWithPath: files.publicKey))
        #expect(throws: CurveKeyError.mismatchedPair(secretKeyPath: files.secretKey, publicKeyPath: files.publicKey)) {
            try CurveKeyFile.readPair(secretKeyPath: files.secretKey)
        }
        let missing = directory + "/missing.key"
        #expect(throws: CurveKeyError.self) { try CurveKeyFile.readKey(missing) }
    }
}
