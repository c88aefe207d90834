package org.nearmiss.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The reporter's only handle on a report: 28 characters of Crockford's Base32 (140 random bits),
 * shown once in groups of four. Typing is forgiving: case, spaces and dashes do not matter, and the
 * look-alikes I, L and O read as 1 and 0. Only a SHA-256 hash of it is ever stored; with 140 random
 * bits a plain hash cannot be reversed by guessing.
 */
public final class ReportKey {

    static final int LENGTH = 28;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final String canonical;

    private ReportKey(String canonical) {
        this.canonical = canonical;
    }

    static ReportKey generate(SecureRandom random) {
        char[] key = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            key[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new ReportKey(new String(key));
    }

    /** Reads a key as a person typed or pasted it; empty when it cannot be a key at all. */
    public static Optional<ReportKey> parse(String typed) {
        if (typed == null || typed.length() > 4 * LENGTH) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            char read = switch (c) {
                case 'I', 'L' -> '1';
                case 'O' -> '0';
                default -> c;
            };
            if (new String(ALPHABET).indexOf(read) < 0) {
                return Optional.empty();
            }
            canonical.append(read);
        }
        return canonical.length() == LENGTH ? Optional.of(new ReportKey(canonical.toString())) : Optional.empty();
    }

    /** The key as shown to the reporter: groups of four joined by dashes. */
    public String display() {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < LENGTH; i += 4) {
            if (i > 0) {
                shown.append('-');
            }
            shown.append(canonical, i, i + 4);
        }
        return shown.toString();
    }

    /** What is stored in place of the key. */
    String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Never the key itself: a key must not end up in a log by accident. */
    @Override
    public String toString() {
        return "ReportKey[hidden]";
    }
}
