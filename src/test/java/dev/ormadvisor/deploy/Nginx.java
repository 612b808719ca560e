package dev.ormadvisor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An nginx configuration with a single upstream block, read with regular expressions: enough to check what it
 * says about the service, not a parser of nginx's grammar.
 *
 * @param text the configuration without its comments
 */
record Nginx(String text) {

    private static final Pattern UPSTREAM = Pattern.compile("upstream\\s+(\\w+)\\s*\\{([^}]*)}");

    static Nginx read(Path file) {
        try {
            return new Nginx(Files.readString(file).replaceAll("(?m)#.*$", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The arguments of the first directive of that name, e.g. {@code "error timeout"}. */
    Optional<String> directive(String name) {
        Matcher directive = Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s+([^;]+);").matcher(text);
        return directive.find() ? Optional.of(directive.group(1).strip()) : Optional.empty();
    }

    /** A size directive in bytes: {@code 2m} is 2 MiB, as nginx reads it. */
    long bytes(String name) {
        Matcher size = Pattern.compile("(\\d+)([kKmMgG]?)").matcher(directive(name).orElseThrow());
        if (!size.matches()) {
            throw new IllegalArgumentException(name + " is not a size");
        }
        int shift = switch (size.group(2).toLowerCase()) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(size.group(1)) << shift;
    }

    String upstreamName() {
        return upstreamBlock().group(1);
    }

    /** The body of the upstream block. */
    String upstream() {
        return upstreamBlock().group(2);
    }

    /** Its servers as {@code host:port}. */
    List<String> upstreamServers() {
        return Pattern.compile("(?m)^\\s*server\\s+(\\S+)").matcher(upstream()).results()
                .map(server -> server.group(1))
                .toList();
    }

    private Matcher upstreamBlock() {
        Matcher upstream = UPSTREAM.matcher(text);
        if (!upstream.find()) {
            throw new IllegalStateException("no upstream block");
        }
        return upstream;
    }
}
