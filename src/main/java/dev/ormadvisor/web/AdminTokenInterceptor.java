package dev.ormadvisor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/** Lets a request through to a management endpoint only with {@code Authorization: Bearer <advisor.admin.token>}. */
class AdminTokenInterceptor implements HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    private final AdminProperties admin;

    AdminTokenInterceptor(AdminProperties admin) {
        this.admin = admin;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!admin.enabled()) {
            throw new AdminAccessDeniedException(HttpStatus.FORBIDDEN, "Management endpoints are disabled. Start"
                    + " the service with ADVISOR_ADMIN_TOKEN (advisor.admin.token) set to a secret, then call them"
                    + " with the header 'Authorization: Bearer <that secret>'.");
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            throw new AdminAccessDeniedException(HttpStatus.UNAUTHORIZED,
                    "This management endpoint needs the header 'Authorization: Bearer <ADVISOR_ADMIN_TOKEN>'.");
        }
        if (!constantTimeEquals(header.substring(BEARER.length()).strip(), admin.token())) {
            throw new AdminAccessDeniedException(HttpStatus.UNAUTHORIZED, "The bearer token is not the admin token.");
        }
        return true;
    }

    /** Comparing in constant time, so response timing does not reveal how much of a guess was right. */
    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
