package org.nearmiss.system.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * What the servlet container answers itself, for requests it refuses before the application sees them
 * (an encoded slash or NUL in the path, a malformed request line): problem details under {@code
 * /api/}, a plain page elsewhere, with the application's security headers, instead of Tomcat's own
 * HTML page without them. Nothing of the request is echoed or logged.
 */
@Configuration
class ContainerErrors {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(Report.class.getName());
            }
        });
    }

    /** The host's error report, made by Tomcat from its class name. */
    public static class Report extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String explanation = known == null ? "The request could not be completed." : ErrorPages.explanation(known);
            // Read from the request line as far as it was parsed: a request refused for an over-long
            // query still has its path.
            String uri = request.getCoyoteRequest().requestURI().toString();
            boolean api = uri != null && uri.startsWith("/api/");
            response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Cache-Control", "no-store");
            response.setCharacterEncoding("UTF-8");
            String body;
            if (api && known != null) {
                response.setContentType("application/problem+json");
                body = ProblemJson.of(known, explanation, uri);
            } else {
                response.setContentType("text/html");
                body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                        + " · Nearmiss</title></head><body><main><h1>" + title + "</h1><p>" + explanation
                        + "</p><p><a href=\"/\">Nearmiss home</a></p></main></body></html>";
            }
            try {
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // The client has gone; there is no one left to answer.
            }
        }
    }
}
