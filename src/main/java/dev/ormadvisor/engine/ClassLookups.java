package dev.ormadvisor.engine;

import java.net.URL;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's class loader as one rule base sees it: it remembers every class and resource name it could
 * not find, and starts from the names the previous rule base could not find.
 *
 * <p>MVEL, which compiles the rules' constraints, asks for a class for every identifier it reads, once per
 * wildcard import ({@code dev.ormadvisor.facts.framework}, {@code rules.framework}, ...), and the Java compiler
 * of the consequences asks for resources the same way; almost every answer is "none". Inside the executable jar
 * each such miss searches all of its nested jars: those misses were 58 % of a reload's CPU. The application's
 * classes never change while it runs, so a miss stays a miss. Each rule base keeps only the misses it met itself
 * (its successor starts from them), so what is remembered is bounded by what one rule base asks for, however
 * many reloads there are; the classes Drools generates are defined by its own loader above this one.
 */
final class ClassLookups extends ClassLoader {

    private final Set<String> missedBefore;
    private final Set<String> missed = ConcurrentHashMap.newKeySet();

    private ClassLookups(ClassLoader application, Set<String> missedBefore) {
        super(application);
        this.missedBefore = missedBefore;
    }

    static ClassLookups first(ClassLoader application) {
        return new ClassLookups(application, Set.of());
    }

    /** A loader for the next rule base, starting from the misses this one has met so far. */
    ClassLookups next() {
        return new ClassLookups(getParent(), Set.copyOf(missed));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (knownMiss(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            // Straight to the application's loader, which is parallel capable: ClassLoader.loadClass would first
            // take a lock on this loader, which defines no class and so has nothing to guard.
            return getParent().loadClass(name);
        } catch (ClassNotFoundException e) {
            missed.add(name);
            throw e;
        }
    }

    @Override
    public URL getResource(String name) {
        // A class loader's resource names never start with '/', class names neither: so prefixed, a resource
        // never passes for a class of the same spelling in the one set of misses.
        String key = "/" + name;
        if (knownMiss(key)) {
            return null;
        }
        URL found = super.getResource(name);
        if (found == null) {
            missed.add(key);
        }
        return found;
    }

    private boolean knownMiss(String name) {
        if (missed.contains(name)) {
            return true;
        }
        if (missedBefore.contains(name)) {
            missed.add(name);
            return true;
        }
        return false;
    }
}
