package io.attache.extract.kb;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a person must satisfy before it may enter a running knowledge base: extraction reads role dates
 * and kinds on every article, so a bad one would fail articles long after the edit was accepted.
 */
public final class PersonCheck {

    private PersonCheck() {
    }

    /** The problems of {@code person}, empty when it is usable. */
    public static List<String> problems(Person person) {
        List<String> out = new ArrayList<>();
        if (person.id() == null || person.id().isBlank()) {
            out.add("no id");
        }
        if (person.name() == null || person.name().isBlank()) {
            out.add("no name");
        }
        for (int i = 0; i < person.roles().size(); i++) {
            Role r = person.roles().get(i);
            if (r == null) {
                out.add("roles[" + i + "] is null");
                continue;
            }
            if (r.kind() == null || r.kind().isBlank()) {
                out.add("roles[" + i + "] has no kind");
            }
            if (r.country() == null && r.org() == null) {
                out.add("roles[" + i + "] has neither country nor org");
            }
            date(r.from(), "roles[" + i + "].from", out);
            date(r.to(), "roles[" + i + "].to", out);
        }
        return out;
    }

    private static void date(String value, String field, List<String> out) {
        if (value == null) {
            return;
        }
        try {
            LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            out.add(field + " is not an ISO date: " + value);
        }
    }
}
