package dev.ormadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ormadvisor.facts.Project;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassLookupsTests {

    private static final String NO_SUCH_CLASS = "dev.ormadvisor.facts.framework";

    private final CountingLoader application = new CountingLoader();

    @Test
    void aClassNameThatWasNotFoundIsNotSearchedForAgain() {
        ClassLookups lookups = ClassLookups.first(application);

        assertThatThrownBy(() -> lookups.loadClass(NO_SUCH_CLASS)).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> lookups.loadClass(NO_SUCH_CLASS)).isInstanceOf(ClassNotFoundException.class);

        assertThat(application.classesAskedFor).containsOnlyOnce(NO_SUCH_CLASS);
    }

    @Test
    void aResourceThatWasNotFoundIsNotSearchedForAgain() {
        ClassLookups lookups = ClassLookups.first(application);

        assertThat(lookups.getResource("rules/Missing.class")).isNull();
        assertThat(lookups.getResource("rules/Missing.class")).isNull();

        assertThat(application.resourcesAskedFor).containsOnlyOnce("rules/Missing.class");
    }

    @Test
    void classesAndResourcesThatExistAreFoundEveryTime() throws Exception {
        ClassLookups lookups = ClassLookups.first(application);

        assertThat(lookups.loadClass(Project.class.getName())).isSameAs(Project.class);
        assertThat(lookups.loadClass(Project.class.getName())).isSameAs(Project.class);
        assertThat(lookups.getResource("dev/ormadvisor/facts/Project.class")).isNotNull();
        assertThat(lookups.getResource("dev/ormadvisor/facts/Project.class")).isNotNull();
    }

    @Test
    void aClassNotFoundDoesNotHideAResourceSpelledTheSame() throws Exception {
        ClassLookups lookups = ClassLookups.first(application);

        assertThatThrownBy(() -> lookups.loadClass("application.properties"))
                .isInstanceOf(ClassNotFoundException.class);

        assertThat(lookups.getResource("application.properties")).isNotNull();
    }

    @Test
    void theNextRuleBaseStartsFromTheNamesThePreviousOneCouldNotFind() {
        ClassLookups previous = ClassLookups.first(application);
        assertThatThrownBy(() -> previous.loadClass(NO_SUCH_CLASS)).isInstanceOf(ClassNotFoundException.class);
        assertThat(previous.getResource("rules/Missing.class")).isNull();

        ClassLookups next = previous.next();
        assertThatThrownBy(() -> next.loadClass(NO_SUCH_CLASS)).isInstanceOf(ClassNotFoundException.class);
        assertThat(next.getResource("rules/Missing.class")).isNull();

        assertThat(application.classesAskedFor).containsOnlyOnce(NO_SUCH_CLASS);
        assertThat(application.resourcesAskedFor).containsOnlyOnce("rules/Missing.class");
    }

    @Test
    void aNameOneRuleBaseNeverAskedForIsForgottenByItsSuccessor() {
        ClassLookups first = ClassLookups.first(application);
        assertThatThrownBy(() -> first.loadClass(NO_SUCH_CLASS)).isInstanceOf(ClassNotFoundException.class);

        ClassLookups third = first.next().next();
        assertThatThrownBy(() -> third.loadClass(NO_SUCH_CLASS)).isInstanceOf(ClassNotFoundException.class);

        assertThat(application.classesAskedFor).filteredOn(NO_SUCH_CLASS::equals).hasSize(2);
    }

    /** The application's loader, counting what it is asked for. */
    private static final class CountingLoader extends ClassLoader {

        final List<String> classesAskedFor = new ArrayList<>();
        final List<String> resourcesAskedFor = new ArrayList<>();

        CountingLoader() {
            super(ClassLookupsTests.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            classesAskedFor.add(name);
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            resourcesAskedFor.add(name);
            return super.getResource(name);
        }
    }
}
