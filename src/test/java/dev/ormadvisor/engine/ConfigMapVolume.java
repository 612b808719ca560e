package dev.ormadvisor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder laid out as the kubelet mounts a ConfigMap, and updated the way its AtomicWriter updates one. The files
 * live in a hidden timestamped folder ({@code ..2026_11_24_10_15_30.1}); {@code ..data} links to that folder; every
 * visible file is a link into it ({@code verdict.drl -> ..data/verdict.drl}). An update writes a new timestamped
 * folder, points a new {@code ..data_tmp} link at it and renames that link over {@code ..data} (the one atomic
 * step), then adds links for new files, removes the links of dropped ones and deletes the old folder.
 */
public final class ConfigMapVolume {

    private static final String DATA = "..data";
    private static final String DATA_TMP = "..data_tmp";

    private final Path dir;
    private Path payload;
    private int updates;

    private ConfigMapVolume(Path dir) {
        this.dir = dir;
    }

    /** Mounts {@code files} (file name to text; ConfigMap keys have no folders) into the empty folder {@code dir}. */
    public static ConfigMapVolume mount(Path dir, Map<String, String> files) {
        ConfigMapVolume volume = new ConfigMapVolume(dir);
        volume.update(files);
        return volume;
    }

    /** Replaces the whole content with {@code files}, as {@code kubectl apply} of the edited ConfigMap does. */
    public void update(Map<String, String> files) {
        try {
            Path previous = payload;
            payload = Files.createDirectory(dir.resolve("..2026_11_24_10_15_30." + ++updates));
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(payload.resolve(file.getKey()), file.getValue());
            }
            Files.createSymbolicLink(dir.resolve(DATA_TMP), payload.getFileName());
            // rename(2), which replaces the old link in one step, as the kubelet's os.Rename does.
            Files.move(dir.resolve(DATA_TMP), dir.resolve(DATA), StandardCopyOption.ATOMIC_MOVE);
            for (String name : files.keySet()) {
                if (!Files.isSymbolicLink(dir.resolve(name))) {
                    Files.createSymbolicLink(dir.resolve(name), Path.of(DATA, name));
                }
            }
            try (Stream<Path> visible = Files.list(dir)) {
                for (Path link : visible.filter(Files::isSymbolicLink).toList()) {
                    String name = link.getFileName().toString();
                    if (!name.startsWith(".") && !files.containsKey(name)) {
                        Files.delete(link);
                    }
                }
            }
            if (previous != null) {
                deleteTree(previous);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
