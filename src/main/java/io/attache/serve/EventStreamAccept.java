package io.attache.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Serves the alert stream to clients that do not say they accept {@code text/event-stream}
 * (a plain {@code curl -N}): Javalin only streams when the Accept header asks for it, and this
 * endpoint has nothing else to answer with.
 */
final class EventStreamAccept implements Filter {

    private static final String EVENT_STREAM = "text/event-stream";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String accept = http.getHeader("Accept");
        if (accept != null && accept.contains(EVENT_STREAM)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(http) {
            @Override
            public String getHeader(String name) {
                return "Accept".equalsIgnoreCase(name) ? EVENT_STREAM : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of(EVENT_STREAM))
                        : super.getHeaders(name);
            }
        }, response);
    }
}
