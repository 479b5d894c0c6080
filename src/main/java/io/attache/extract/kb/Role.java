package io.attache.extract.kb;

import java.time.LocalDate;

/** One office a person held: {@code country} for a state, {@code org} for an international organisation. */
public record Role(String title, String kind, String country, String org, String from, String to) {

    /** Whether the office was held on {@code day}; open ends count as unbounded. */
    public boolean heldOn(LocalDate day) {
        return (from == null || !LocalDate.parse(from).isAfter(day))
                && (to == null || !LocalDate.parse(to).isBefore(day));
    }

    /** Whether the office had ended before {@code day}. */
    public boolean endedBefore(LocalDate day) {
        return to != null && LocalDate.parse(to).isBefore(day);
    }
}
