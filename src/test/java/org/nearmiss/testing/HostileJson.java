package org.nearmiss.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Material for fuzzing JSON endpoints: random JSON of any shape, strings that have broken other
 * systems (SQL, script, template and path injection, odd Unicode), random bytes, broken UTF-8 and
 * truncated bodies. Seeded, so a failing case can be replayed.
 */
public final class HostileJson {

    public static final String[] NASTY = {
        "' OR '1'='1",
        "\"; drop table report; --",
        "<script>alert(1)</script>",
        "\u0000",
        "\uD83D\uDE00",
        "\u202E",
        "%00",
        "../../etc/passwd",
        "${jndi:ldap://x}",
        "{{7*7}}",
        "\\u0000",
        "NaN",
        "-1",
        "1e309",
        "",
        "traffic-stop",
        "2026-03",
        "null",
        "[]",
        "{}"
    };

    private HostileJson() {}

    public static String randomJson(Random random, int depth) {
        int kind = depth > 6 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : String.valueOf(random.nextLong());
            case 2 -> String.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(400) - 200));
            case 3 ->
                "\"" + nasty(random).replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + "\"";
            case 4 -> {
                List<String> items = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    items.add(randomJson(random, depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            default -> {
                List<String> fields = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    fields.add("\"" + random.nextInt(1000) + "\":" + randomJson(random, depth + 1));
                }
                yield "{" + String.join(",", fields) + "}";
            }
        };
    }

    public static String nasty(Random random) {
        return NASTY[random.nextInt(NASTY.length)] + (random.nextBoolean() ? "" : NASTY[random.nextInt(NASTY.length)]);
    }

    public static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2_000)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A JSON body that starts well and then breaks UTF-8 inside a string. */
    public static byte[] invalidUtf8(Random random, String start) {
        byte[] prefix = start.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 6];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        byte[] broken = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0};
        System.arraycopy(broken, 0, body, prefix.length, random.nextInt(broken.length) + 1);
        return body;
    }

    public static byte[] truncated(Random random, String json) {
        return json.substring(0, random.nextInt(json.length())).getBytes(StandardCharsets.UTF_8);
    }

    public static String preview(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
