package dev.ormadvisor.rulesets;

import dev.ormadvisor.engine.RuleSources;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A rule set version as a {@code .tar.gz} of a rules folder, for git or a ConfigMap: every file under
 * {@value #FOLDER}{@code /}, with its bytes as they were in the folder (a workbook as a workbook, not base64).
 */
public final class RuleSetBundle {

    /** The one top folder of the archive: unpacking it gives a rules folder the service can load. */
    public static final String FOLDER = "rules";

    private RuleSetBundle() {
    }

    public static String fileName(RuleSetVersion version) {
        return "rules-" + version.version() + ".tar.gz";
    }

    /** Writes the archive, every entry dated {@code at}, and closes {@code out}. */
    public static void write(RuleSetVersion version, Instant at, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            // Rule and scenario file names are free text: neither 100 characters nor ASCII is a limit.
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (var file : version.files().entrySet()) {
                byte[] content = RuleSources.content(file.getKey(), file.getValue());
                TarArchiveEntry entry = new TarArchiveEntry(FOLDER + "/" + file.getKey());
                entry.setSize(content.length);
                entry.setModTime(Date.from(at));
                entry.setMode(0644);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }
}
