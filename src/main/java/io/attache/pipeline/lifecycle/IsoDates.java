package io.attache.pipeline.lifecycle;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Fast reads of the two ISO forms the pipeline writes itself, a day ({@code 2025-09-14}) and a UTC
 * second ({@code 2025-09-14T10:00:00Z}), which the merge rules compare many times per mention;
 * null for any other form, which the callers parse with {@code java.time} as before.
 */
final class IsoDates {

    private IsoDates() {
    }

    /** The day at {@code from} in {@code s} (YYYY-MM-DD), or null when it is not one. */
    static LocalDate day(String s, int from) {
        if (s.length() < from + 10 || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-') {
            return null;
        }
        int y = number(s, from, 4);
        int m = number(s, from + 5, 2);
        int d = number(s, from + 8, 2);
        if (y < 0 || m < 0 || d < 0) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The instant of {@code YYYY-MM-DDTHH:MM:SSZ}, or null when {@code s} has another form. */
    static Instant utcSecond(String s) {
        if (s.length() != 20 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return null;
        }
        LocalDate day = day(s, 0);
        int h = number(s, 11, 2);
        int m = number(s, 14, 2);
        int sec = number(s, 17, 2);
        if (day == null || h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) {
            return null;
        }
        return Instant.ofEpochSecond(day.toEpochDay() * 86_400L + h * 3600L + m * 60L + sec);
    }

    /** The decimal number of {@code length} digits at {@code from}, or -1. */
    static int number(String s, int from, int length) {
        int n = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
