package dev.ormadvisor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ormadvisor.ShippedRules;
import dev.ormadvisor.conclusions.Choice;
import dev.ormadvisor.conclusions.Confidence;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseCompiler;
import dev.ormadvisor.evaluation.WhatIf.Change;
import dev.ormadvisor.facts.Facts;
import dev.ormadvisor.facts.FactsJson;
import dev.ormadvisor.facts.Framework;
import dev.ormadvisor.facts.Leaning;
import dev.ormadvisor.facts.LeaningChoice;
import dev.ormadvisor.facts.LeaningReason;
import dev.ormadvisor.facts.ProjectType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatIfTests {

    private static final RuleBase SHIPPED = new RuleBaseCompiler(1000).compile(ShippedRules.DIR);

    @TempDir
    Path tmp;

    @Nested
    class Varies {

        @Test
        void everyFieldOfEverySectionOfTheFactsWhetherKnownOrNot() {
            List<String> fields = Arrays.stream(Facts.class.getRecordComponents())
                    .flatMap(section -> Arrays.stream(section.getType().getRecordComponents())
                            .map(field -> section.getName() + "." + field.getName()))
                    .toList();

            assertThat(fields).hasSizeGreaterThan(30);
            assertThat(WhatIf.variedFacts()).containsExactlyElementsOf(fields);
            assertThat(WhatIf.changes(Facts.NONE)).extracting(Change::fact).containsAll(fields);
            assertThat(WhatIf.changes(teamA())).extracting(Change::fact).containsAll(fields);
        }

        @Test
        void anUnknownBooleanToTrueAndToFalse() {
            assertThat(changesOf(Facts.NONE, "project.mostlyCrud")).extracting(Change::from, Change::to)
                    .containsExactly(tuple(null, true), tuple(null, false));
        }

        @Test
        void anUnknownEnumToEveryConstant() {
            assertThat(changesOf(Facts.NONE, "project.framework")).extracting(Change::to)
                    .containsExactly((Object[]) Framework.values());
        }

        @Test
        void anUnknownNumberToItsRepresentativeValues() {
            assertThat(changesOf(Facts.NONE, "project.monthsToDeadline")).extracting(Change::to)
                    .containsExactly(1, 3, 6, 12, 24);
            assertThat(changesOf(Facts.NONE, "team.size")).extracting(Change::to).containsExactly(2, 5, 10, 50);
        }

        @Test
        void noReasonsToEachSingleReason() {
            assertThat(changesOf(Facts.NONE, "leaning.reasons")).extracting(Change::from, Change::to)
                    .containsExactly(Arrays.stream(LeaningReason.values())
                            .map(reason -> tuple(List.of(), List.of(reason))).toArray(Tuple[]::new));
        }

        @Test
        void aKnownBooleanByFlippingIt() {
            assertThat(changesOf(teamA(), "project.mostlyCrud")).extracting(Change::from, Change::to)
                    .containsExactly(tuple(true, false));
            assertThat(changesOf(teamA(), "team.hasDatabaseSpecialist")).extracting(Change::from, Change::to)
                    .containsExactly(tuple(false, true));
        }

        @Test
        void aKnownEnumToEveryOtherConstant() {
            assertThat(changesOf(teamA(), "project.framework")).extracting(Change::to).containsExactly(
                    Framework.DJANGO, Framework.FLASK, Framework.FASTAPI, Framework.OTHER, Framework.NONE);
        }

        @Test
        void aKnownNumberToEveryOtherRepresentativeValue() {
            assertThat(changesOf(teamA(), "project.monthsToDeadline")).extracting(Change::from, Change::to)
                    .containsExactly(tuple(3, 1), tuple(3, 6), tuple(3, 12), tuple(3, 24));
            assertThat(changesOf(teamA(), "team.size")).extracting(Change::to).containsExactly(2, 5, 10, 50);
        }

        @Test
        void theReasonsByRemovingEachGivenOneAndAddingEachMissingOne() {
            Facts facts = new Facts(null, null, new Leaning(LeaningChoice.SQLALCHEMY,
                    List.of(LeaningReason.HYPE, LeaningReason.PROJECT_FIT)));

            assertThat(changesOf(facts, "leaning.reasons")).extracting(Change::to).containsExactly(
                    List.of(LeaningReason.HYPE, LeaningReason.PROJECT_FIT, LeaningReason.SEEMS_MORE_ADVANCED),
                    List.of(LeaningReason.HYPE, LeaningReason.PROJECT_FIT, LeaningReason.DJANGO_ORM_CANT_SCALE),
                    List.of(LeaningReason.PROJECT_FIT),
                    List.of(LeaningReason.HYPE, LeaningReason.PROJECT_FIT, LeaningReason.FUTURE_COMPLEXITY),
                    List.of(LeaningReason.HYPE, LeaningReason.PROJECT_FIT, LeaningReason.TEAM_FAMILIARITY),
                    List.of(LeaningReason.HYPE));
        }

        @Test
        void oneFactAtATimeLeavingTheOthersAsGiven() {
            Change change = changesOf(teamA(), "project.type").get(0);

            assertThat(change.from()).isEqualTo(ProjectType.SAAS);
            assertThat(change.facts().project().type()).isEqualTo(change.to()).isNotEqualTo(ProjectType.SAAS);
            assertThat(change.facts().project()).usingRecursiveComparison().ignoringFields("type")
                    .isEqualTo(teamA().project());
            assertThat(change.facts().team()).isEqualTo(teamA().team());
            assertThat(change.facts().leaning()).isEqualTo(teamA().leaning());
        }
    }

    @Nested
    class Lists {

        @Test
        void everyOtherFrameworkAsAFlipForTheArticlesTeamA() {
            List<VerdictFlip> flips = WhatIf.flips(SHIPPED, teamA());

            assertThat(SHIPPED.decide(teamA()).verdict().choice()).isEqualTo(Choice.DJANGO_ORM);
            assertThat(flips).filteredOn(flip -> flip.fact().equals("project.framework"))
                    .extracting(VerdictFlip::from, VerdictFlip::to, flip -> flip.verdict().choice())
                    .containsExactlyInAnyOrder(
                            tuple(Framework.UNDECIDED, Framework.FASTAPI, Choice.SQLALCHEMY),
                            tuple(Framework.UNDECIDED, Framework.FLASK, Choice.SQLALCHEMY),
                            tuple(Framework.UNDECIDED, Framework.OTHER, Choice.SQLALCHEMY),
                            tuple(Framework.UNDECIDED, Framework.NONE, Choice.SQLALCHEMY));
        }

        @Test
        void onlyChangesThatChangeTheChoiceWithTheVerdictTheyLeadTo() {
            Choice original = SHIPPED.decide(teamA()).verdict().choice();

            for (VerdictFlip flip : WhatIf.flips(SHIPPED, teamA())) {
                Change change = changesOf(teamA(), flip.fact()).stream()
                        .filter(candidate -> candidate.to().equals(flip.to())).findFirst().orElseThrow();
                var decision = SHIPPED.decide(change.facts());
                assertThat(flip.verdict()).isEqualTo(EvaluationReport.VerdictView.of(decision));
                assertThat(flip.verdict().choice()).isNotEqualTo(original);
            }
        }

        @Test
        void nothingWhenNoSingleChangeChangesTheVerdict() throws IOException {
            RuleBase undecided = compile("""
                    rule "Never decide"
                        @statements("WEB-VERDICT-1") @kind("VERDICT") @explanation("Whatever the facts.")
                    when
                    then
                        insert(new Scores(0, 0));
                        insert(Verdict.noClearWinner());
                    end
                    """);

            assertThat(WhatIf.flips(undecided, Facts.NONE)).isEmpty();
            assertThat(WhatIf.flips(undecided, teamA())).isEmpty();
        }

        @Test
        void strongestFirstByConfidenceThenByTheNewChoicesLeadNotInTheOrderOfTheFacts() throws IOException {
            RuleBase weighed = compile("""
                    rule "Django" @statements("WEB-DJ-1") @kind("CHOOSE") @explanation("3 for Django ORM.")
                    when Project(framework == Framework.DJANGO) then insert(new Evidence(Option.DJANGO_ORM, 3)); end

                    rule "CRUD" @statements("WEB-DJ-1") @kind("CHOOSE") @explanation("1 for Django ORM.")
                    when Project(mostlyCrud == true) then insert(new Evidence(Option.DJANGO_ORM, 1)); end

                    rule "Reporting" @statements("WEB-DJ-1") @kind("CHOOSE") @explanation("4 for SQLAlchemy.")
                    when Project(complexReporting == true) then insert(new Evidence(Option.SQLALCHEMY, 4)); end

                    rule "SQL control" @statements("WEB-DJ-1") @kind("CHOOSE") @explanation("5 for SQLAlchemy.")
                    when Project(needsSqlControl == true) then insert(new Evidence(Option.SQLALCHEMY, 5)); end

                    rule "Weigh" @statements("WEB-VERDICT-1") @kind("VERDICT") @explanation("Adds up the evidence.")
                        salience -100
                    when
                        not Scores()
                        accumulate(Evidence(option == Option.DJANGO_ORM, $w : weight); $django : sum($w))
                        accumulate(Evidence(option == Option.SQLALCHEMY, $w : weight); $sqlalchemy : sum($w))
                    then
                        insert(new Scores($django.intValue(), $sqlalchemy.intValue()));
                    end

                    rule "5 ahead" @statements("WEB-VERDICT-1") @kind("VERDICT") @explanation("HIGH.") salience -110
                    when not Verdict() Scores(leader != null, margin >= 5, $leader : leader)
                    then insert(Verdict.recommend($leader, Confidence.HIGH)); end

                    rule "3 ahead" @statements("WEB-VERDICT-1") @kind("VERDICT") @explanation("MEDIUM.") salience -110
                    when not Verdict() Scores(leader != null, margin >= 3, margin < 5, $leader : leader)
                    then insert(Verdict.recommend($leader, Confidence.MEDIUM)); end

                    rule "Less ahead" @statements("WEB-VERDICT-1") @kind("VERDICT") @explanation("LOW.") salience -110
                    when not Verdict() Scores(leader != null, margin < 3, $leader : leader)
                    then insert(Verdict.recommend($leader, Confidence.LOW)); end

                    rule "Tie" @statements("WEB-VERDICT-1") @kind("VERDICT") @explanation("No winner.") salience -110
                    when not Verdict() Scores(leader == null)
                    then insert(Verdict.noClearWinner()); end
                    """);

            assertThat(WhatIf.flips(weighed, Facts.NONE))
                    .extracting(VerdictFlip::fact, VerdictFlip::to, flip -> flip.verdict().confidence())
                    .containsExactly(
                            tuple("project.needsSqlControl", true, Confidence.HIGH),
                            tuple("project.complexReporting", true, Confidence.MEDIUM),
                            tuple("project.framework", Framework.DJANGO, Confidence.MEDIUM),
                            tuple("project.mostlyCrud", true, Confidence.LOW));
        }
    }

    private RuleBase compile(String rules) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.copy(Path.of("src/test/resources/web-rules/statements.yaml"), dir.resolve("statements.yaml"));
        Files.writeString(dir.resolve("fixture.drl"), """
                package whatif;

                import dev.ormadvisor.facts.*;
                import dev.ormadvisor.conclusions.*;

                """ + rules);
        return new RuleBaseCompiler(1000).compile(dir);
    }

    private static List<Change> changesOf(Facts facts, String fact) {
        return WhatIf.changes(facts).stream().filter(change -> change.fact().equals(fact)).toList();
    }

    /** The article's team A, read from the shipped example exactly as the API reads it. */
    static Facts teamA() {
        return FactsJson.strictMapper().readValue(Path.of("examples/team-a.json").toFile(), EvaluationRequest.class)
                .facts();
    }
}
