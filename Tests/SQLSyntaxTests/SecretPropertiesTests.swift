import SQLSyntax
import Testing

@Suite struct SecretPropertiesTests {
    @Test func findsSecretValuesInEitherSpellingAndPasswords() {
        let sql = """
            CREATE REPOSITORY r WITH S3 ON LOCATION "s3://b/p" PROPERTIES ("AWS_SECRET_KEY" = "k1", 's3.session_token' = 't2',
            "s3.access_key" = "visible", "AWS_TOKEN" "t3")
            """
        #expect(SecretProperties.values(in: sql) == ["k1", "t2", "t3"])
        #expect(SecretProperties.values(in: "CREATE USER u IDENTIFIED BY 'pw1'") == ["pw1"])
        #expect(SecretProperties.values(in: "SELECT 'secret' = 'x'").isEmpty == false)
        #expect(SecretProperties.values(in: "SHOW REPOSITORIES").isEmpty)
    }

    @Test func redactsWholeAndCutSecrets() {
        let sql = "PROPERTIES ('s3.secret_key' = 'abcdefgh12345')"
        #expect(SecretProperties.redact("near 'abcdefgh12345')'", secretsOf: sql) == "near '******')'")
        #expect(SecretProperties.redact("near 'abcdefg' at line 1", secretsOf: sql) == "near '******' at line 1")
        #expect(SecretProperties.redact("nothing here", secretsOf: sql) == "nothing here")
    }
}
