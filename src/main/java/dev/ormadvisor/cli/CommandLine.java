package dev.ormadvisor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One command's arguments: options that take a value ({@code --rules DIR} or {@code --rules=DIR}), {@code --help},
 * and the remaining plain arguments in order. An option is given once unless the command declares it repeatable.
 */
record CommandLine(List<String> arguments, Map<String, List<String>> options, boolean help) {

    static final String RULES = "--rules";
    static final String FORMAT = "--format";

    /** The same variable the service reads, so a CI job and the service it checks agree on the folder. */
    static final String RULES_DIR_VARIABLE = "ADVISOR_RULES_DIR";

    CommandLine {
        arguments = List.copyOf(arguments);
        options = Map.copyOf(options);
    }

    static CommandLine parse(List<String> args, Set<String> optionsWithValue) {
        return parse(args, optionsWithValue, Set.of());
    }

    static CommandLine parse(List<String> args, Set<String> optionsWithValue, Set<String> repeatable) {
        List<String> arguments = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.startsWith("-") && arg.length() > 1) {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg : arg.substring(0, equals);
                if (!optionsWithValue.contains(name) && !repeatable.contains(name)) {
                    throw new UsageException("unknown option " + name);
                }
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(name + " needs a value");
                }
                List<String> values = options.computeIfAbsent(name, given -> new ArrayList<>());
                if (!values.isEmpty() && !repeatable.contains(name)) {
                    throw new UsageException(name + " is given more than once");
                }
                values.add(value);
            } else {
                arguments.add(arg);
            }
        }
        options.replaceAll((name, values) -> List.copyOf(values));
        return new CommandLine(arguments, options, help);
    }

    Optional<String> option(String name) {
        return values(name).stream().findFirst();
    }

    /** Every value of a repeatable option, in the order given. */
    List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** {@code --rules}, else {@value #RULES_DIR_VARIABLE}, else {@code ./rules}: the service's own default. */
    Path rulesDir(Map<String, String> environment) {
        return Path.of(option(RULES).or(() -> Optional.ofNullable(environment.get(RULES_DIR_VARIABLE))
                .filter(dir -> !dir.isBlank())).orElse("./rules"));
    }

    Format format(Format otherwise) {
        return option(FORMAT).map(Format::parse).orElse(otherwise);
    }

    enum Format {
        TEXT, JSON;

        static Format parse(String value) {
            return switch (value) {
                case "text" -> TEXT;
                case "json" -> JSON;
                default -> throw new UsageException("--format must be text or json, not '" + value + "'");
            };
        }
    }
}
