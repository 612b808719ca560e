package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

class RequestBodyLimitFilterTest {

    private static final int LIMIT = 10;

    private final HandlerExceptionResolver resolver = mock(HandlerExceptionResolver.class);
    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(LIMIT, resolver);
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void letsABodyOfExactlyTheLimitThrough() throws Exception {
        byte[][] read = new byte[1][];

        filter.doFilter(chunked(LIMIT), response, (request, ignored) -> read[0] = request.getInputStream()
                .readAllBytes());

        assertThat(read[0]).hasSize(LIMIT);
    }

    @Test
    void refusesAChunkedBodyOverTheLimitBeforeTheChainSeesIt() throws Exception {
        given(resolver.resolveException(any(), any(), isNull(), any(RequestBodyTooLargeException.class)))
                .willReturn(new ModelAndView());
        FilterChain chain = mock(FilterChain.class);

        filter.doFilter(chunked(LIMIT + 1), response, chain);

        verify(chain, never()).doFilter(any(), any());
        verify(resolver).resolveException(any(), any(), isNull(), any(RequestBodyTooLargeException.class));
    }

    @Test
    void servesTheBufferedBodyAsTextToo() throws Exception {
        String[] read = new String[1];

        filter.doFilter(chunked(LIMIT), response, (request, ignored) -> read[0] = new java.io.BufferedReader(
                request.getReader()).readLine());

        assertThat(read[0]).hasSize(LIMIT);
    }

    @Test
    void refusesADeclaredContentLengthOverTheLimitWithoutCallingTheChain() throws Exception {
        MockHttpServletRequest request = post(LIMIT + 1);
        given(resolver.resolveException(any(), any(), isNull(), any(RequestBodyTooLargeException.class)))
                .willReturn(new ModelAndView());
        FilterChain chain = mock(FilterChain.class);

        filter.doFilter(request, response, chain);

        verify(chain, never()).doFilter(any(), any());
        verify(resolver).resolveException(any(), any(), isNull(), any(RequestBodyTooLargeException.class));
    }

    @Test
    void answers413ItselfWhenNoResolverHandlesTheRefusal() throws Exception {
        filter.doFilter(post(LIMIT + 1), response, mock(FilterChain.class));

        assertThat(response.getStatus()).isEqualTo(413);
    }

    private static MockHttpServletRequest post(int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/evaluations");
        request.setContent(new byte[bytes]);
        return request;
    }

    /** A body sent without a Content-Length, as with chunked transfer encoding. */
    private static HttpServletRequest chunked(int bytes) {
        return new HttpServletRequestWrapper(post(bytes)) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
    }
}
