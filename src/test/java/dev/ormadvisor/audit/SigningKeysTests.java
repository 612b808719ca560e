package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.transparency.NoteSigner;
import dev.ormadvisor.transparency.SignedNote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key that signs checkpoints comes from, and that it stays the operator's secret. */
class SigningKeysTests {

    @TempDir
    Path tmp;

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceReadableByItsOwnerOnlyAndReusedAtTheNextStart() throws Exception {
        Path generated = tmp.resolve("data").resolve("audit-signing-key.pem");

        NoteSigner first = SigningKeys.signer("test.example/audit", null, generated);
        NoteSigner second = SigningKeys.signer("test.example/audit", null, generated);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated))).isEqualTo("rw-------");
        assertThat(Files.readString(generated)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(second.verifierKey().encoded()).isEqualTo(first.verifierKey().encoded());
        assertThat(SignedNote.parse(second.sign("body\n")).signedBy(first.verifierKey())).isTrue();
        try (var leftovers = Files.list(generated.getParent())) {
            assertThat(leftovers).containsExactly(generated);
        }
    }

    @Test
    void aConfiguredKeyIsUsedAndNothingIsGenerated() throws Exception {
        String pem = NoteSigner.generatePkcs8Pem();
        Path configured = Files.writeString(tmp.resolve("mounted-secret.pem"), pem);
        Path generated = tmp.resolve("data").resolve("audit-signing-key.pem");

        NoteSigner signer = SigningKeys.signer("test.example/audit", configured, generated);

        assertThat(signer.verifierKey().encoded())
                .isEqualTo(NoteSigner.fromPkcs8Pem("test.example/audit", pem).verifierKey().encoded());
        assertThat(generated).doesNotExist();
    }
}
