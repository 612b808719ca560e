package dev.ormadvisor.cli;

import dev.ormadvisor.evaluation.EvaluationRequest;
import dev.ormadvisor.facts.FactsJson;
import dev.ormadvisor.facts.FieldProblem;
import dev.ormadvisor.facts.JsonInputProblems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * Reads a facts file exactly as the API reads a request body: the strict JSON binding of {@link FactsJson}, then
 * the same constraints (ranges, lengths) the API validates, so a file accepted here is accepted there.
 */
final class FactsFile {

    private FactsFile() {
    }

    static EvaluationRequest read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidFactsFileException(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidFactsFileException(file + ": cannot be read: " + e.getMessage());
        }
        EvaluationRequest request;
        try {
            request = FactsJson.strictMapper().readValue(content, EvaluationRequest.class);
        } catch (JacksonException e) {
            throw new InvalidFactsFileException(file + ": " + describe(JsonInputProblems.of(e)));
        }
        if (request == null) {
            throw new InvalidFactsFileException(file + ": " + describe(FieldProblem.of(FieldProblem.BODY,
                    "is empty or null: write a JSON object")));
        }
        List<FieldProblem> problems = violations(request);
        if (!problems.isEmpty()) {
            throw new InvalidFactsFileException(file + ": " + String.join("; ",
                    problems.stream().map(FactsFile::describe).toList()));
        }
        return request;
    }

    private static List<FieldProblem> violations(EvaluationRequest request) {
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            return validation.getValidator().validate(request).stream()
                    .map(violation -> FieldProblem.of(path(violation), violation.getMessage()))
                    .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                    .toList();
        }
    }

    /** The API's field path, {@code leaning.reasons[1]}, not the validator's {@code reasons[1].<list element>}. */
    private static String path(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return path.toString();
    }

    /** Worded for the author of a file rather than of an HTTP request. */
    private static String describe(FieldProblem problem) {
        String where = problem.field().isEmpty() ? "the file " : "field '" + problem.field() + "' ";
        String known = problem.knownFields() == null ? ""
                : " (known fields: " + String.join(", ", problem.knownFields()) + ")";
        return where + problem.message() + known;
    }

    /** The facts file cannot be used; the message names the file and, when there is one, the field. */
    static final class InvalidFactsFileException extends RuntimeException {

        InvalidFactsFileException(String message) {
            super(message);
        }
    }
}
