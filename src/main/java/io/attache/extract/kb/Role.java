package io.attache.extract.kb;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One office a person held: {@code country} for a state, {@code org} for an international organisation. */
public record Role(String title, String kind, String country, String org, String from, String to) {

    /**
     * Parsed office dates. Every name found in an article checks its person's offices against the publication
     * day, so the same few thousand knowledge-base dates would otherwise be parsed again and again.
     */
    private static final Map<String, LocalDate> DAYS = new ConcurrentHashMap<>();

    private static LocalDate day(String iso) {
        LocalDate day = DAYS.get(iso);
        if (day == null) {
            day = LocalDate.parse(iso);
            DAYS.put(iso, day);
        }
        return day;
    }

    /** Whether the office was held on {@code day}; open ends count as unbounded. */
    public boolean heldOn(LocalDate day) {
        return (from == null || !day(from).isAfter(day))
                && (to == null || !day(to).isBefore(day));
    }

    /** Whether the office had ended before {@code day}. */
    public boolean endedBefore(LocalDate day) {
        return to != null && day(to).isBefore(day);
    }
}
