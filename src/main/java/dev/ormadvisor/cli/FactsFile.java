package dev.ormadvisor.cli;

import dev.ormadvisor.evaluation.EvaluationRequest;
import dev.ormadvisor.evaluation.EvaluationRequestReader;
import dev.ormadvisor.facts.FieldProblem;
import dev.ormadvisor.facts.InvalidFactsException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a facts file exactly as the API reads a request body, with the same {@link EvaluationRequestReader}, so a
 * file accepted here is accepted there.
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
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            return new EvaluationRequestReader(validation.getValidator()).read(content);
        } catch (InvalidFactsException e) {
            throw new InvalidFactsFileException(file + ": " + String.join("; ",
                    e.problems().stream().map(FactsFile::describe).toList()));
        }
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
