package dev.ormadvisor.web;

import dev.ormadvisor.facts.FactsJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Caps request bodies. A declared Content-Length over the limit is refused before anything is read. Any other
 * body, chunked ones included, is read into memory up to one byte past the limit before the request goes on:
 * so the size is judged before parsing starts (a parser limit cannot answer first with a 400), memory stays
 * bounded, and an endless stream is cut off. Refusals go through the MVC exception resolvers, so they get the
 * same problem+json answer as every other rejected request.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final int DEFAULT_MAX_BYTES = FactsJson.MAX_DOCUMENT_BYTES;

    /**
     * Request attribute holding the body exactly as received, as UTF-8 text, for the audit trail. Text, not the
     * bytes: MVC would copy a {@code byte[]} attribute element by element through its conversion service (once
     * measured at half of a request's CPU), while a String is handed over as it is.
     */
    static final String BODY = "dev.ormadvisor.web.RequestBodyLimitFilter.body";

    private final int maxBytes;
    private final HandlerExceptionResolver exceptionResolver;

    RequestBodyLimitFilter(int maxBytes, HandlerExceptionResolver exceptionResolver) {
        if (maxBytes < 0 || maxBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes must be between 0 and Integer.MAX_VALUE - 1");
        }
        this.maxBytes = maxBytes;
        this.exceptionResolver = exceptionResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared == 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = declared > maxBytes ? null : readAtMostOnePastLimit(request.getInputStream());
        if (body == null || body.length > maxBytes) {
            if (exceptionResolver.resolveException(request, response, null,
                    new RequestBodyTooLargeException(maxBytes)) == null) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            }
            return;
        }
        request.setAttribute(BODY, new String(body, StandardCharsets.UTF_8));
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private byte[] readAtMostOnePastLimit(InputStream in) throws IOException {
        return in.readNBytes(maxBytes + 1);
    }

    /** The request with its body already read, served from memory. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BufferedInputStream(new ByteArrayInputStream(body));
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    private static final class BufferedInputStream extends ServletInputStream {

        private final ByteArrayInputStream bytes;

        BufferedInputStream(ByteArrayInputStream bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the body is already in memory: read it synchronously");
        }
    }
}
