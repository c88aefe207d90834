package org.nearmiss.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A script using the JSON API with a personal token, as a reader's or reviewer's tool would. */
public final class ApiClient {

    private static final Pattern TOKEN = Pattern.compile("id=\"new-token\">(nm_[A-Za-z0-9_-]+)<");

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String token;

    private ApiClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** A client with a token the signed-in person makes on their account page. */
    public static ApiClient of(int port, Staff person) {
        return new ApiClient(port, tokenOf(person));
    }

    /** A client with a given token, or none. */
    public static ApiClient withToken(int port, String token) {
        return new ApiClient(port, token);
    }

    /** The token a person makes on their account page, shown there once. */
    public static String tokenOf(Staff person) {
        Matcher shown = TOKEN.matcher(person.web
                .submit("/account", "/account/tokens", Map.of("name", "script"))
                .body());
        assertThat(shown.find()).as("the account page shows the new token").isTrue();
        return shown.group(1);
    }

    public String token() {
        return token;
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    /** Sends a request; a JSON body (or null) as text or bytes. */
    public HttpResponse<String> send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : body instanceof byte[] bytes
                                        ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
