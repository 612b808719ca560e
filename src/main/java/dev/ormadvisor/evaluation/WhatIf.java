package dev.ormadvisor.evaluation;

import dev.ormadvisor.conclusions.Choice;
import dev.ormadvisor.conclusions.Option;
import dev.ormadvisor.engine.Decision;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.evaluation.EvaluationReport.VerdictView;
import dev.ormadvisor.facts.Facts;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What-if: which single change of one fact would change the verdict's choice. The facts are re-decided with the
 * same rule set once per change:
 * <ul>
 * <li>an unknown fact is set to each of its values: {@code true} and {@code false}, every enum constant, or, for
 * the two numbers, the representative values of {@link #REPRESENTATIVE_NUMBERS};</li>
 * <li>a known fact is set to each other value: a boolean is flipped, an enum takes every other constant, a number
 * every representative value it does not already have;</li>
 * <li>{@code leaning.reasons} gains each reason it lacks and loses each reason it has, one at a time.</li>
 * </ul>
 * The facts are varied by reflection over the components of {@link Facts}' section records, so a field added to
 * {@code Project}, {@code Team} or {@code Leaning} is varied without touching this class, and a field of a type it
 * cannot vary (or a number without representative values) stops the class from loading instead of being skipped.
 *
 * <p>The flips come strongest first: the one whose new verdict is firmest. Firmest is the rule set's own judgement
 * first (a recommendation before no clear winner, then {@code HIGH} before {@code MEDIUM} before {@code LOW}
 * confidence), then the new choice's lead in the scores (its points minus the other option's, negative when the
 * framework decides against the other evidence). Flips equally strong keep the order of the facts in the request,
 * then of the values.
 *
 * <p>Cost: 90 decisions when nothing is known (89 changes and the original), fewer with facts known; measured by
 * {@code bench/what-if.sh}.
 */
public final class WhatIf {

    /**
     * The values tried for the numeric facts. Numbers are not enumerable, so a few values a team would plausibly
     * state stand for the rest: deadlines from next month to two years out, teams from a pair to a department.
     * A rule testing a threshold between two of these values is probed on both sides of it only when the
     * threshold falls between them; add a value here when a rule introduces a new threshold.
     */
    static final Map<String, List<Integer>> REPRESENTATIVE_NUMBERS = Map.of(
            "project.monthsToDeadline", List.of(1, 3, 6, 12, 24),
            "team.size", List.of(2, 5, 10, 50));

    private static final List<Fact> FACTS = Arrays.stream(Facts.class.getRecordComponents())
            .flatMap(section -> Arrays.stream(section.getType().getRecordComponents())
                    .map(component -> new Fact(section, component)))
            .toList();

    private static final Comparator<VerdictFlip> STRONGEST_FIRST = Comparator
            .comparing((VerdictFlip flip) -> flip.verdict().choice() == Choice.NO_CLEAR_WINNER)
            .thenComparing(flip -> flip.verdict().confidence(), Comparator.reverseOrder())
            .thenComparing(WhatIf::lead, Comparator.reverseOrder());

    private WhatIf() {
    }

    /** The single-fact changes that change the verdict's choice, strongest first; empty when none does. */
    public static List<VerdictFlip> flips(RuleBase ruleBase, Facts facts) {
        Choice original = ruleBase.decide(facts).verdict().choice();
        List<VerdictFlip> flips = new ArrayList<>();
        for (Change change : changes(facts)) {
            Decision decision = ruleBase.decide(change.facts());
            if (decision.verdict().choice() != original) {
                flips.add(new VerdictFlip(change.fact(), change.from(), change.to(), VerdictView.of(decision)));
            }
        }
        flips.sort(STRONGEST_FIRST);
        return List.copyOf(flips);
    }

    /** Every single-fact change tried for these facts, in the order of the facts and then of the values. */
    static List<Change> changes(Facts facts) {
        return FACTS.stream().flatMap(fact -> fact.changes(facts).stream()).toList();
    }

    /** The paths of every fact that is varied, {@code section.field}. */
    static List<String> variedFacts() {
        return FACTS.stream().map(Fact::path).toList();
    }

    private static int lead(VerdictFlip flip) {
        VerdictView verdict = flip.verdict();
        if (verdict.choice() == Choice.NO_CLEAR_WINNER) {
            return 0;
        }
        // A recommended Choice is named after its Option (Choice.of maps them by name).
        Option winner = Option.valueOf(verdict.choice().name());
        return verdict.scores().entrySet().stream()
                .mapToInt(score -> score.getKey() == winner ? score.getValue() : -score.getValue()).sum();
    }

    /** One fact changed: its path, the value it had, the value tried, and the facts with that value. */
    record Change(String fact, Object from, Object to, Facts facts) {
    }

    /** One field of one section of the facts, and the values it can take instead of its own. */
    private record Fact(RecordComponent section, RecordComponent field, String path, List<Object> domain) {

        Fact(RecordComponent section, RecordComponent field) {
            this(section, field, section.getName() + "." + field.getName(), domainOf(section, field));
        }

        List<Change> changes(Facts facts) {
            Record sectionValue = (Record) read(section, facts);
            Object from = read(field, sectionValue);
            return alternatives(from).stream()
                    .map(to -> new Change(path, from, to, with(facts, section, with(sectionValue, field, to))))
                    .toList();
        }

        private List<Object> alternatives(Object from) {
            if (field.getType() == List.class) {
                List<?> present = (List<?>) from;
                return domain.stream().<Object>map(reason -> toggled(present, reason)).toList();
            }
            return domain.stream().filter(value -> !value.equals(from)).toList();
        }

        private static List<Object> toggled(List<?> list, Object element) {
            List<Object> toggled = new ArrayList<>(list);
            if (!toggled.remove(element)) {
                toggled.add(element);
            }
            return List.copyOf(toggled);
        }

        /** The values a field can take: for a list, the values its elements can take. */
        private static List<Object> domainOf(RecordComponent section, RecordComponent field) {
            String path = section.getName() + "." + field.getName();
            Class<?> type = field.getType();
            if (type == List.class && field.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum()) {
                return List.of(element.getEnumConstants());
            }
            if (type == Boolean.class) {
                return List.of(true, false);
            }
            if (type.isEnum()) {
                return List.of(type.getEnumConstants());
            }
            if (type == Integer.class) {
                List<Integer> values = REPRESENTATIVE_NUMBERS.get(path);
                if (values == null) {
                    throw new IllegalStateException("What-if has no representative values for the number " + path
                            + ": add them to WhatIf.REPRESENTATIVE_NUMBERS");
                }
                return List.copyOf(values);
            }
            throw new IllegalStateException("What-if cannot vary " + path + " of type " + field.getGenericType()
                    + ": teach WhatIf.Fact the values it can take");
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    /** A copy of the record with one component replaced, through its canonical constructor. */
    @SuppressWarnings("unchecked")
    private static <R extends Record> R with(R record, RecordComponent replaced, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(replaced.getName()) ? value : read(components[i], record);
        }
        try {
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return (R) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
        }
    }
}
