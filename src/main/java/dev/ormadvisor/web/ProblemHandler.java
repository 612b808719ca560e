package dev.ormadvisor.web;

import dev.ormadvisor.audit.InconsistentLogException;
import dev.ormadvisor.drafts.DraftRefusedException;
import dev.ormadvisor.drafts.InvalidDraftException;
import dev.ormadvisor.drafts.ReadOnlyRulesFolderException;
import dev.ormadvisor.drafts.StaleDraftException;
import dev.ormadvisor.drafts.UnknownBaseVersionException;
import dev.ormadvisor.engine.EvaluationFailedException;
import dev.ormadvisor.evaluation.AuditUnavailableException;
import dev.ormadvisor.facts.FieldProblem;
import dev.ormadvisor.facts.InvalidFactsException;
import dev.ormadvisor.facts.JsonInputProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Answers every failed request with an RFC 9457 problem ({@code application/problem+json}) carrying
 * {@code type}, {@code title}, {@code status}, {@code detail} and {@code instance} (the request path).
 *
 * <p>A rejected request body is a 400 of type {@value #INVALID_REQUEST} with {@code errors}, a list of
 * {@link FieldProblem}s, and {@code field}, the field of the first of them. Field paths are dotted with list
 * indexes ({@code project.framework}, {@code leaning.reasons[1]}); a problem with the body as a whole (malformed
 * or empty, not an object, trailing content) has the empty path {@code ""}. A body over the size limit is a 413
 * of type {@value #REQUEST_TOO_LARGE}. A query parameter outside its allowed values is the same 400, with the
 * parameter's name as {@code field} and the values in {@code allowedValues}. Other statuses (404, 405, 415, ...) get a type named after the status,
 * e.g. {@code urn:orm-advisor:problem:method-not-allowed}, so that every problem carries a {@code type}.
 *
 * <p>Problem texts are written here, never copied from exceptions, so no class name or stack trace can leak
 * to a client. The one exception is a rule-base failure: its message is written for the rule authors.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "urn:orm-advisor:problem:";
    static final String INVALID_REQUEST = TYPE_PREFIX + "invalid-request";
    static final String REQUEST_TOO_LARGE = TYPE_PREFIX + "request-too-large";
    static final String RULE_BASE_FAILURE = TYPE_PREFIX + "rule-base-failure";
    static final String INTERNAL_ERROR = TYPE_PREFIX + "internal-error";
    static final String ADMIN_ACCESS_DENIED = TYPE_PREFIX + "admin-access-denied";
    static final String AUDIT_UNAVAILABLE = TYPE_PREFIX + "audit-unavailable";
    static final String INCONSISTENT_LOG = TYPE_PREFIX + "inconsistent-audit-log";
    static final String STALE_DRAFT = TYPE_PREFIX + "stale-draft";
    static final String RULES_FOLDER_READ_ONLY = TYPE_PREFIX + "rules-folder-read-only";
    static final String DRAFT_REFUSED = TYPE_PREFIX + "draft-refused";

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = causeOf(ex, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return requestTooLarge(tooLarge, request);
        }
        JacksonException unreadable = causeOf(ex, JacksonException.class);
        FieldProblem problem = unreadable == null
                ? FieldProblem.of(FieldProblem.BODY, "is empty or null: send a JSON object")
                : JsonInputProblems.of(unreadable);
        return invalidRequest(ex, List.of(problem), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> supported = ex.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
        String received = ex.getContentType() == null ? "A request without a Content-Type"
                : "Content-Type '" + ex.getContentType() + "'";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                received + " is not supported: send " + String.join(" or ", supported) + ".");
        problem.setProperty("supportedMediaTypes", supported);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String allowed = ex.getSupportedHttpMethods() == null ? "another method"
                : ex.getSupportedHttpMethods().stream().map(HttpMethod::name).sorted()
                        .collect(Collectors.joining(" or "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "Method " + ex.getMethod() + " is not supported here: use " + allowed + ".");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "There is nothing at " + ex.getHttpMethod() + " /" + ex.getResourcePath() + ".");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** A question's body, refused by {@link EvaluationRequestConverter}. */
    @ExceptionHandler(InvalidFactsException.class)
    ResponseEntity<Object> handleInvalidFacts(InvalidFactsException ex, WebRequest request) {
        return invalidRequest(ex, ex.problems(), request);
    }

    /** Thrown by {@link RequestBodyLimitFilter} itself when the declared Content-Length is already too large. */
    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<Object> handleRequestBodyTooLarge(RequestBodyTooLargeException ex, WebRequest request) {
        return requestTooLarge(ex, request);
    }

    /** A query parameter or replay field, named like a body field so clients read both alike. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> handleInvalidParameter(InvalidParameterException ex, WebRequest request) {
        return ex.detail() == null ? invalidRequest(ex, List.of(ex.problem()), request)
                : invalidRequest(ex, List.of(ex.problem()), ex.detail(), request);
    }

    @ExceptionHandler(InvalidDraftException.class)
    ResponseEntity<Object> handleInvalidDraft(InvalidDraftException ex, WebRequest request) {
        return invalidRequest(ex, List.of(FieldProblem.of(ex.field(), ex.getMessage())), ex.getMessage() + ".",
                request);
    }

    @ExceptionHandler(UnknownBaseVersionException.class)
    ResponseEntity<Object> handleUnknownBaseVersion(UnknownBaseVersionException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setProperty("field", "baseVersion");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(StaleDraftException.class)
    ResponseEntity<Object> handleStaleDraft(StaleDraftException ex, WebRequest request) {
        ProblemDetail problem = conflict(ex, STALE_DRAFT, "The rules folder changed since the draft started");
        problem.setProperty("folderVersion", ex.folderVersion());
        problem.setProperty("diff", ex.diff());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(ReadOnlyRulesFolderException.class)
    ResponseEntity<Object> handleReadOnlyRulesFolder(ReadOnlyRulesFolderException ex, WebRequest request) {
        return handleExceptionInternal(ex, conflict(ex, RULES_FOLDER_READ_ONLY, "The rules folder is read-only"),
                new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    private static ProblemDetail conflict(Exception ex, String type, String title) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(URI.create(type));
        problem.setTitle(title);
        return problem;
    }

    @ExceptionHandler(DraftRefusedException.class)
    ResponseEntity<Object> handleDraftRefused(DraftRefusedException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setType(URI.create(DRAFT_REFUSED));
        problem.setTitle("The draft does not pass its check");
        problem.setProperty("version", ex.check().version());
        problem.setProperty("errors", ex.check().errors());
        problem.setProperty("scenarios", ex.check().scenarios());
        problem.setProperty("diff", ex.check().diff());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> handleNotFound(NotFoundException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        if (ex.parameter() != null) {
            problem.setProperty("parameter", ex.parameter());
        }
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
    }

    /** An answer that could not be recorded is not given: the client may retry, nothing was acknowledged. */
    @ExceptionHandler(AuditUnavailableException.class)
    ResponseEntity<Object> handleAuditUnavailable(AuditUnavailableException ex, WebRequest request) {
        log.error("Evaluation not acknowledged: {}", ex.getMessage(), ex.getCause());
        return auditUnavailable(ex, "The answer could not be recorded in the audit trail, so it is not given."
                + " Retry shortly.", request);
    }

    /** The audit store is out of reach (a database outage): a read is refused like an evaluation, never a 500. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<Object> handleAuditStoreUnreachable(DataAccessResourceFailureException ex, WebRequest request) {
        log.error("Audit store unreachable answering {}: {}", path(request), ex.getMessage());
        return auditUnavailable(ex, "The audit trail cannot be read right now. Retry shortly.", request);
    }

    private ResponseEntity<Object> auditUnavailable(Exception ex, String detail, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create(AUDIT_UNAVAILABLE));
        problem.setTitle("Audit trail unavailable");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /** The stored log contradicts itself: say so rather than hand out a proof that cannot verify. */
    @ExceptionHandler(InconsistentLogException.class)
    ResponseEntity<Object> handleInconsistentLog(InconsistentLogException ex, WebRequest request) {
        log.error("Audit log inconsistent: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage()
                + " See GET /api/v1/audit/verify.");
        problem.setType(URI.create(INCONSISTENT_LOG));
        problem.setTitle("The audit log is inconsistent");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(AdminAccessDeniedException.class)
    ResponseEntity<Object> handleAdminAccessDenied(AdminAccessDeniedException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        problem.setType(URI.create(ADMIN_ACCESS_DENIED));
        problem.setTitle(ex.status() == HttpStatus.FORBIDDEN ? "Management endpoints are disabled"
                : "Admin token required");
        HttpHeaders headers = new HttpHeaders();
        if (ex.status() == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"orm-advisor\"");
        }
        return handleExceptionInternal(ex, problem, headers, ex.status(), request);
    }

    @ExceptionHandler(EvaluationFailedException.class)
    ResponseEntity<Object> handleEvaluationFailed(EvaluationFailedException ex, WebRequest request) {
        log.error("The rule base could not answer an evaluation: {}", ex.getMessage(), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, ex.getMessage());
        problem.setType(URI.create(RULE_BASE_FAILURE));
        problem.setTitle("The rule base could not answer");
        problem.setProperty("rule", ex.rule());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unexpected failure answering {}", path(request), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service failed unexpectedly; the failure has been logged.");
        problem.setType(URI.create(INTERNAL_ERROR));
        problem.setTitle("Internal error");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** Every answer goes out as problem+json with its instance, whatever the client said it accepts. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(statusCode);
        if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
            problem.setType(typeFor(statusCode));
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(path(request)));
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(ex, problem, problemHeaders, statusCode, request);
    }

    private ResponseEntity<Object> invalidRequest(Exception ex, List<FieldProblem> problems, WebRequest request) {
        FieldProblem first = problems.get(0);
        String detail = problems.size() == 1 ? first.describe() + "."
                : problems.size() + " problems in the request; the first: " + first.describe() + ".";
        return invalidRequest(ex, problems, detail, request);
    }

    private ResponseEntity<Object> invalidRequest(Exception ex, List<FieldProblem> problems, String detail,
            WebRequest request) {
        FieldProblem first = problems.get(0);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create(INVALID_REQUEST));
        problem.setTitle("The request is not valid");
        problem.setProperty("field", first.field());
        problem.setProperty("errors", problems);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private ResponseEntity<Object> requestTooLarge(RequestBodyTooLargeException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the limit of " + ex.limit() + " bytes.");
        problem.setType(URI.create(REQUEST_TOO_LARGE));
        problem.setTitle("Request body too large");
        problem.setProperty("maxBytes", ex.limit());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /** Spring leaves a problem without a type, or of type {@code about:blank}, without {@code type} in the JSON. */
    private static URI typeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String name = known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return URI.create(TYPE_PREFIX + name);
    }

    private static String path(WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        return servletRequest == null ? "" : servletRequest.getRequestURI();
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        return Stream.iterate(error, cause -> cause != null, Throwable::getCause).filter(type::isInstance)
                .map(type::cast).findFirst().orElse(null);
    }
}
