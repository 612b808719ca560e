package dev.ormadvisor.baseline;

import static dev.ormadvisor.conclusions.Option.DJANGO_ORM;
import static dev.ormadvisor.conclusions.Option.SQLALCHEMY;

import dev.ormadvisor.conclusions.Choice;
import dev.ormadvisor.conclusions.Confidence;
import dev.ormadvisor.conclusions.Option;
import dev.ormadvisor.conclusions.Scores;
import dev.ormadvisor.conclusions.Verdict;
import dev.ormadvisor.facts.Architecture;
import dev.ormadvisor.facts.Complexity;
import dev.ormadvisor.facts.Experience;
import dev.ormadvisor.facts.Facts;
import dev.ormadvisor.facts.Framework;
import dev.ormadvisor.facts.Leaning;
import dev.ormadvisor.facts.LeaningChoice;
import dev.ormadvisor.facts.LeaningReason;
import dev.ormadvisor.facts.Lifetime;
import dev.ormadvisor.facts.Project;
import dev.ormadvisor.facts.ProjectType;
import dev.ormadvisor.facts.Team;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The decision of the shipped rules ({@code rules/*.drl}) written out by hand in plain Java: the physical floor of
 * the engine benchmark, what one evaluation would cost with no rule engine at all. It is only a fair floor while it
 * decides exactly as the DRL does, so it follows the rule files statement by statement (same conditions, weights,
 * dividing line and verdict thresholds); {@code HandCodedAdvisorAgreementTests} runs every scenario through both and
 * catches any drift. Change it in the same commit as the rules. Test scope only: the service never ships it.
 */
public final class HandCodedAdvisor {

    /** verdict.drl: a lead this wide (or a dividing line backed by it) is high confidence. */
    private static final int WIDE_MARGIN = 6;
    /** verdict.drl: without a dividing line, a lead smaller than this is too close to call. */
    private static final int CLEAR_LEAD = 3;
    /** verdict.drl: without a dividing line, less evidence than one direct reason of the article is too thin. */
    private static final int ENOUGH_EVIDENCE = 3;

    /** What the rules conclude, by statement key where the engine names the rules that fired. */
    public record Advice(Verdict verdict, Scores scores, Set<String> firedStatements, Set<String> warnings) {
    }

    public Advice advise(Facts facts) {
        Project project = facts.project();
        Team team = facts.team();
        Leaning leaning = facts.leaning();
        Weighing weighing = new Weighing();
        chooseDjangoOrm(project, team, weighing);
        chooseSqlalchemy(project, team, weighing);
        weighFactors(project, team, weighing);
        Scores scores = new Scores(weighing.djangoOrm, weighing.sqlalchemy);
        Verdict verdict = decide(weighing.dividingLine, scores);
        weighing.firedStatements.add("VERDICT");
        Set<String> warnings = warnings(project, team, leaning, weighing.dividingLine, verdict);
        weighing.firedStatements.addAll(warnings);
        return new Advice(verdict, scores, Collections.unmodifiableSet(weighing.firedStatements),
                Collections.unmodifiableSet(warnings));
    }

    /** choose-django-orm.drl */
    private static void chooseDjangoOrm(Project project, Team team, Weighing weighing) {
        if (project.framework() == Framework.DJANGO) {
            weighing.dividingLine("DJ-1", DJANGO_ORM);
        }
        if (isTrue(team.prioritizesShippingSpeed()) && (isTrue(project.mostlyCrud())
                || isTrue(project.needsAdminInterface()) || oneOf(project.type(), ProjectType.SAAS,
                        ProjectType.INTERNAL_TOOL, ProjectType.CONTENT_PLATFORM, ProjectType.BACK_OFFICE))) {
            weighing.evidence("DJ-2", DJANGO_ORM, 2);
        }
        if (isTrue(project.mostlyCrud())) {
            weighing.evidence("DJ-3", DJANGO_ORM, 3);
        }
        if (isTrue(team.valuesConvention())) {
            weighing.evidence("DJ-4", DJANGO_ORM, 2);
        }
        if (isTrue(team.wantsBuiltInMigrations())) {
            weighing.evidence("DJ-5", DJANGO_ORM, 2);
        }
        if (isFalse(team.wantsOwnDataAccessDesign())) {
            weighing.evidence("DJ-6", DJANGO_ORM, 2);
        }
        if (project.type() == ProjectType.SAAS
                && (isTrue(project.mostlyCrud()) || isTrue(project.needsAdminInterface()))) {
            weighing.evidence("DJ-BEST-1", DJANGO_ORM, 2);
        }
        if (project.type() == ProjectType.INTERNAL_TOOL) {
            weighing.evidence("DJ-BEST-2", DJANGO_ORM, 2);
        }
        if (project.type() == ProjectType.CONTENT_PLATFORM) {
            weighing.evidence("DJ-BEST-3", DJANGO_ORM, 2);
        }
        if (project.type() == ProjectType.BACK_OFFICE) {
            weighing.evidence("DJ-BEST-4", DJANGO_ORM, 2);
        }
        if (team.experience() == Experience.MIXED) {
            weighing.evidence("DJ-BEST-5", DJANGO_ORM, 2);
        }
    }

    /** choose-sqlalchemy.drl */
    private static void chooseSqlalchemy(Project project, Team team, Weighing weighing) {
        if (oneOf(project.framework(), Framework.FLASK, Framework.FASTAPI, Framework.OTHER, Framework.NONE)
                || (project.type() == ProjectType.CLI_TOOL
                        && (project.framework() == null || project.framework() == Framework.UNDECIDED))) {
            weighing.dividingLine("SA-1", SQLALCHEMY);
        }
        if (isTrue(project.needsSqlControl()) || isTrue(project.databaseSpecificOptimizations())) {
            weighing.evidence("SA-2", SQLALCHEMY, 3);
        }
        if (project.queryComplexity() == Complexity.HIGH || isTrue(project.complexReporting())) {
            weighing.evidence("SA-3", SQLALCHEMY, 3);
        }
        if (project.architecture() == Architecture.SERVICE_ORIENTED) {
            weighing.evidence("SA-4", SQLALCHEMY, 3);
        }
        if (isTrue(team.comfortableWithSessions())) {
            weighing.evidence("SA-5", SQLALCHEMY, 2);
        }
        if (isTrue(team.wantsDomainPersistenceSeparation())) {
            weighing.evidence("SA-6", SQLALCHEMY, 2);
        }
        if (oneOf(project.framework(), Framework.FASTAPI, Framework.FLASK)) {
            weighing.evidence("SA-BEST-1", SQLALCHEMY, 2);
        }
        if (oneOf(project.type(), ProjectType.API_SERVICE, ProjectType.BACKEND_PLATFORM)
                && (project.queryComplexity() == Complexity.HIGH || project.domainComplexity() == Complexity.HIGH)) {
            weighing.evidence("SA-BEST-2", SQLALCHEMY, 2);
        }
        if (isTrue(project.dataHeavy()) || project.type() == ProjectType.DATA_PLATFORM) {
            weighing.evidence("SA-BEST-3", SQLALCHEMY, 2);
        }
        if (project.type() == ProjectType.BACKEND_PLATFORM || (project.expectedLifetime() == Lifetime.LONG
                && oneOf(project.type(), ProjectType.API_SERVICE, ProjectType.DATA_PLATFORM))) {
            weighing.evidence("SA-BEST-4", SQLALCHEMY, 2);
        }
        if (isTrue(team.caresAboutArchitecture())) {
            weighing.evidence("SA-BEST-5", SQLALCHEMY, 2);
        }
    }

    /** factors.drl */
    private static void weighFactors(Project project, Team team, Weighing weighing) {
        if (isTrue(project.needsAdminInterface())) {
            weighing.evidence("FACTOR-ADMIN", DJANGO_ORM, 3);
        }
        if (isTrue(project.asyncHeavy()) || project.framework() == Framework.FASTAPI) {
            weighing.evidence("FACTOR-ASYNC", SQLALCHEMY, 2);
        }
        if (team.experience() == Experience.BEGINNER || isTrue(team.knowsDjango())) {
            weighing.evidence("FACTOR-LEARNING", DJANGO_ORM, 2);
        }
        if (oneOf(project.expectedLifetime(), Lifetime.SHORT, Lifetime.MEDIUM)) {
            weighing.evidence("FACTOR-LIFETIME-SHORT", DJANGO_ORM, 2);
        }
        if (project.expectedLifetime() == Lifetime.LONG && project.domainComplexity() == Complexity.HIGH) {
            weighing.evidence("FACTOR-LIFETIME-LONG", SQLALCHEMY, 2);
        }
        if (isTrue(team.knowsSqlWell()) && (isTrue(project.needsSqlControl())
                || isTrue(project.databaseSpecificOptimizations()) || project.queryComplexity() == Complexity.HIGH)) {
            weighing.evidence("FACTOR-TUNING", SQLALCHEMY, 2);
        }
        if (isTrue(team.prioritizesShippingSpeed()) && (oneOf(project.queryComplexity(), Complexity.LOW,
                Complexity.MODERATE) || isFalse(project.needsSqlControl()))) {
            weighing.evidence("FACTOR-SPEED", DJANGO_ORM, 1);
        }
        if (isTrue(project.requirementsChangeWeekly()) && project.monthsToDeadline() != null
                && project.monthsToDeadline() <= 6 && isFalse(team.hasDatabaseSpecialist())) {
            weighing.evidence("FACTOR-ITERATION", DJANGO_ORM, 3);
        }
        boolean heavyTransactions = isTrue(project.heavyTransactionLogic());
        boolean databaseSpecific = isTrue(project.databaseSpecificOptimizations());
        boolean workers = isTrue(project.backgroundWorkers());
        if (isTrue(project.databaseCentral()) || (heavyTransactions && databaseSpecific)
                || (heavyTransactions && workers) || (databaseSpecific && workers)) {
            weighing.evidence("FACTOR-DB-CENTRAL", SQLALCHEMY, 3);
        }
        if (isTrue(project.mostlyCrud()) || isTrue(project.needsAdminInterface())) {
            weighing.evidence("THUMB-FRAMEWORK", DJANGO_ORM, 2);
        }
        if (project.architecture() == Architecture.SERVICE_ORIENTED || isTrue(project.databaseCentral())
                || isTrue(project.dataHeavy())) {
            weighing.evidence("THUMB-DATA", SQLALCHEMY, 2);
        }
    }

    /** verdict.drl */
    private static Verdict decide(Option dividingLine, Scores scores) {
        if (dividingLine != null) {
            if (scores.leader() != dividingLine) {
                return Verdict.recommend(dividingLine, Confidence.LOW);
            }
            return Verdict.recommend(dividingLine, scores.margin() >= WIDE_MARGIN ? Confidence.HIGH
                    : Confidence.MEDIUM);
        }
        if (scores.total() < ENOUGH_EVIDENCE || scores.margin() < CLEAR_LEAD) {
            return Verdict.noClearWinner();
        }
        return Verdict.recommend(scores.leader(), scores.margin() >= WIDE_MARGIN ? Confidence.HIGH
                : Confidence.MEDIUM);
    }

    /** mistakes.drl: some warnings look at the verdict, so they come after it, as their salience makes them. */
    private static Set<String> warnings(Project project, Team team, Leaning leaning, Option dividingLine,
            Verdict verdict) {
        boolean headingForDjangoOrm = leaning.choice() == LeaningChoice.DJANGO_ORM || dividingLine == DJANGO_ORM
                || verdict.choice() == Choice.DJANGO_ORM;
        boolean headingForSqlalchemy = leaning.choice() == LeaningChoice.SQLALCHEMY || dividingLine == SQLALCHEMY
                || verdict.choice() == Choice.SQLALCHEMY;
        boolean beginners = team.experience() == Experience.BEGINNER;
        Set<String> warnings = new LinkedHashSet<>();
        if (leaning.reasons().contains(LeaningReason.SEEMS_MORE_ADVANCED) && (isTrue(project.mostlyCrud())
                || oneOf(project.queryComplexity(), Complexity.LOW, Complexity.MODERATE))) {
            warnings.add("MISTAKE-1");
        }
        if (leaning.reasons().contains(LeaningReason.DJANGO_ORM_CANT_SCALE)) {
            warnings.add("MISTAKE-2");
        }
        if (leaning.choice() == LeaningChoice.DJANGO_ORM && dividingLine == SQLALCHEMY) {
            warnings.add("MISTAKE-3");
        }
        if ((isFalse(team.comfortableWithSessions()) || beginners) && headingForSqlalchemy) {
            warnings.add("MISTAKE-4");
        }
        if (leaning.reasons().contains(LeaningReason.HYPE)) {
            warnings.add("MISTAKE-5");
        }
        if (leaning.choice() == LeaningChoice.SQLALCHEMY && leaning.reasons().contains(LeaningReason.FUTURE_COMPLEXITY)
                && !(project.queryComplexity() == Complexity.HIGH || isTrue(project.complexReporting())
                        || project.domainComplexity() == Complexity.HIGH)) {
            warnings.add("CAUTION-1");
        }
        if (project.framework() == Framework.DJANGO && leaning.choice() == LeaningChoice.SQLALCHEMY) {
            warnings.add("CAUTION-2");
        }
        if ((isFalse(team.knowsSqlWell()) || beginners) && headingForDjangoOrm) {
            warnings.add("CAUTION-3");
        }
        if ((isFalse(team.valuesConvention()) || beginners) && headingForSqlalchemy) {
            warnings.add("CAUTION-4");
        }
        return warnings;
    }

    /** The DRL's {@code == true}: unknown ({@code null}) is not true. */
    private static boolean isTrue(Boolean fact) {
        return Boolean.TRUE.equals(fact);
    }

    /** The DRL's {@code == false}: unknown ({@code null}) is not false either. */
    private static boolean isFalse(Boolean fact) {
        return Boolean.FALSE.equals(fact);
    }

    /** The DRL's {@code in ( ... )}: an unknown fact is in no list. */
    @SafeVarargs
    private static <E extends Enum<E>> boolean oneOf(E fact, E... values) {
        for (E value : values) {
            if (fact == value) {
                return true;
            }
        }
        return false;
    }

    /** The evidence of one evaluation as the CHOOSE rules add it up. */
    private static final class Weighing {

        private int djangoOrm;
        private int sqlalchemy;
        private Option dividingLine;
        private final Set<String> firedStatements = new LinkedHashSet<>();

        void evidence(String statement, Option option, int weight) {
            firedStatements.add(statement);
            if (option == DJANGO_ORM) {
                djangoOrm += weight;
            } else {
                sqlalchemy += weight;
            }
        }

        /** DJ-1 and SA-1: the chosen framework is both the heaviest evidence and the dividing line. */
        void dividingLine(String statement, Option option) {
            evidence(statement, option, 5);
            dividingLine = option;
        }
    }
}
