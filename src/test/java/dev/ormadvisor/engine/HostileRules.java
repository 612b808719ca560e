package dev.ormadvisor.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rules that try to do harm, each by creating a marker file: the safety check must refuse every one at load, so
 * the file never appears. {@code refusedAt} are snippets of the lines the check must name; {@code runsWithout} says
 * whether plain Drools, without the check, would create the marker while building or firing the rule base with
 * one Evidence fact (false where that would end the test JVM, or where Drools only runs it on request).
 */
record HostileRules(String name, String drl, List<String> refusedAt, boolean runsWithout) {

    static final String FILE = "hostile.drl";

    @Override
    public String toString() {
        return name;
    }

    /** The DRL with the marker's path filled in. */
    String drl(Path marker) {
        return drl.replace("MARKER", marker.toAbsolutePath().toString());
    }

    int lineOf(String snippet) {
        List<String> lines = drl.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(snippet)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(snippet + " is not in " + name);
    }

    private static HostileRules inConsequence(String name, String then, String refusedAt, boolean runsWithout) {
        return new HostileRules(name, RulesFolder.HEADER + """
                rule "Hostile"
                    @statements("DJ-3") @kind("CHOOSE") @explanation("Hostile.")
                when
                    Evidence()
                then
                    insert( new Evidence( Option.DJANGO_ORM, 1 ) );
                %s
                end
                """.formatted(then.indent(4).stripTrailing()), List.of(refusedAt), runsWithout);
    }

    private static HostileRules inCondition(String name, String when, String refusedAt) {
        return new HostileRules(name, RulesFolder.HEADER + """
                rule "Hostile"
                    @statements("DJ-3") @kind("CHOOSE") @explanation("Hostile.")
                when
                %s
                then
                    insert( new Evidence( Option.DJANGO_ORM, 1 ) );
                end
                """.formatted(when.indent(4).stripTrailing()), List.of(refusedAt), true);
    }

    static Stream<HostileRules> runningWithoutTheCheck() {
        return all().filter(HostileRules::runsWithout);
    }

    static Stream<HostileRules> all() {
        return Stream.of(
                inConsequence("System.exit", """
                        new java.io.File( "MARKER" ).createNewFile();
                        System.exit( 0 );""", "createNewFile", false),
                inConsequence("Runtime.exec", """
                        Runtime.getRuntime().exec( new String[] { "touch", "MARKER" } ).waitFor();""",
                        "Runtime", true),
                inConsequence("ProcessBuilder", """
                        new ProcessBuilder( "touch", "MARKER" ).start().waitFor();""", "ProcessBuilder", true),
                inConsequence("file I/O", """
                        java.nio.file.Files.writeString( java.nio.file.Path.of( "MARKER" ), "owned" );""",
                        "writeString", true),
                inConsequence("network I/O", """
                        try ( java.net.ServerSocket socket = new java.net.ServerSocket( 0 ) ) {
                            new java.io.File( "MARKER" ).createNewFile();
                        }""", "ServerSocket", true),
                inConsequence("reflection", """
                        Object file = Class.forName( "java.io.File" ).getConstructor( String.class ).newInstance( "MARKER" );
                        file.getClass().getMethod( "createNewFile" ).invoke( file );""", "Class.forName", true),
                inConsequence("code hidden in a comment by a unicode escape", """
                        // only a comment \\u000a new java.io.File( "MARKER" ).createNewFile();""",
                        "only a comment", true),
                inConsequence("a non-literal argument", """
                        insert( new Evidence( Option.SQLALCHEMY, new java.io.File( "MARKER" ).createNewFile() ? 2 : 1 ) );""",
                        "Option.SQLALCHEMY", true),
                inCondition("a static call to a JDK class", """
                        Evidence( java.nio.file.Files.exists( java.nio.file.Files.createFile( java.nio.file.Path.of( "MARKER" ) ) ) )""",
                        "Files.exists"),
                inCondition("a method call in a constraint", """
                        Evidence( weight > 0, new java.io.File( "MARKER" ).createNewFile() )""",
                        "createNewFile"),
                inCondition("eval", """
                        Evidence()
                        eval( new java.io.File( "MARKER" ).createNewFile() )""", "eval"),
                inCondition("from over a non-fact", """
                        Evidence() from java.util.List.of( new Evidence( Option.DJANGO_ORM, new java.io.File( "MARKER" ).createNewFile() ? 1 : 2 ) )""",
                        "from"),
                inCondition("an accumulate with code", """
                        accumulate( Evidence( $w : weight );
                                    $total : sum( new java.io.File( "MARKER" ).createNewFile() ? $w : 0 ) )""",
                        "accumulate"),
                new HostileRules("a function called from a condition", RulesFolder.HEADER + """
                        function boolean touch( String path ) {
                            try { return new java.io.File( path ).createNewFile(); } catch ( Exception e ) { return false; }
                        }

                        rule "Calls a function"
                            @statements("DJ-3") @kind("CHOOSE") @explanation("Hostile.")
                        when
                            Evidence( touch( "MARKER" ) )
                        then
                            insert( new Evidence( Option.DJANGO_ORM, 1 ) );
                        end
                        """, List.of("function boolean", "touch( \"MARKER\" )"), true),
                new HostileRules("a global", RulesFolder.HEADER + """
                        global java.lang.String unset;

                        rule "Uses a global"
                            @statements("DJ-3") @kind("CHOOSE") @explanation("Hostile.")
                        when
                            Evidence()
                        then
                            if ( unset == null ) { new java.io.File( "MARKER" ).createNewFile(); }
                        end
                        """, List.of("global", "if ( unset"), true),
                new HostileRules("an MVEL consequence calling a method", RulesFolder.HEADER + """
                        rule "Written in MVEL"
                            @statements("DJ-3") @kind("CHOOSE") @explanation("Hostile.")
                            dialect "mvel"
                        when
                            Evidence()
                        then
                            new java.io.File( "MARKER" ).createNewFile()
                        end
                        """, List.of("dialect", "createNewFile"), true),
                new HostileRules("a forbidden import", """
                        package rules;

                        import java.io.File;
                        import dev.ormadvisor.facts.*;
                        import dev.ormadvisor.conclusions.*;

                        rule "Imports File"
                            @statements("DJ-3") @kind("CHOOSE") @explanation("Hostile.")
                        when
                            Evidence()
                        then
                            new File( "MARKER" ).createNewFile();
                        end
                        """, List.of("import java.io.File", "createNewFile"), true),
                new HostileRules("declare", RulesFolder.HEADER + """
                        declare Marker
                            made : boolean = new java.io.File( "MARKER" ).createNewFile()
                        end

                        rule "Declares a type"
                            @statements("DJ-3") @kind("CHOOSE") @explanation("Hostile.")
                        when
                            Evidence()
                        then
                            insert( new Marker() );
                        end
                        """, List.of("declare", "new Marker"), true),
                new HostileRules("query", RulesFolder.HEADER + """
                        query "touch"
                            Evidence( new java.io.File( "MARKER" ).createNewFile() )
                        end
                        """, List.of("query"), false),
                new HostileRules("a computed salience", RulesFolder.HEADER + """
                        rule "Computes its salience"
                            @statements("DJ-3") @kind("CHOOSE") @explanation("Hostile.")
                            salience ( new java.io.File( "MARKER" ).createNewFile() ? 1 : 0 )
                        when
                            Evidence()
                        then
                            insert( new Evidence( Option.DJANGO_ORM, 1 ) );
                        end
                        """, List.of("salience ("), true),
                new HostileRules("a computed tag", RulesFolder.HEADER + """
                        rule "Computes its tag"
                            @statements("DJ-3") @kind("CHOOSE") @explanation(new java.io.File( "MARKER" ).createNewFile())
                        when
                            Evidence()
                        then
                            insert( new Evidence( Option.DJANGO_ORM, 1 ) );
                        end
                        """, List.of("rule \"Computes its tag\""), true));
    }
}
