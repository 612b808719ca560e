package dev.ormadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ormadvisor.transparency.FuzzingKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit verify-receipt} on any receipt file, as an auditor runs it: the receipt is proven (0), not proven
 * with the failed checks said (1), or refused as unreadable with the file named (2). Any exception is a finding.
 * The committed inputs are receipts of a log signed by {@link FuzzingKey}, and near misses of them.
 * Inputs: {@code VerifyReceiptFuzzTestsInputs/<method>/}.
 */
class VerifyReceiptFuzzTests {

    private static final String KEY = FuzzingKey.LOG.verifierKey().encoded();

    @TempDir
    static Path folder;

    @FuzzTest
    void aReceiptIsProvenOrRefusedSayingWhy(byte[] receipt) throws IOException {
        Path file = Files.write(folder.resolve("receipt.json"), receipt);

        CommandRun verify = CommandRun.run("audit", VerifyReceiptCommand.NAME, file.toString(),
                VerifyReceiptCommand.KEY, KEY);

        switch (verify.exitCode()) {
            case 0 -> assertThat(verify.out()).contains("Proven: entry ");
            case 1 -> assertThat(verify.out()).contains("Not proven: ");
            default -> assertThat(verify.err()).as("exit %d", verify.exitCode()).contains(file.toString());
        }
    }
}
