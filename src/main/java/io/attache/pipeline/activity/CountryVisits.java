package io.attache.pipeline.activity;

import io.attache.pipeline.lifecycle.PartialDate;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * A leader's visits to one country that took place (underway or completed), and the latest date
 * among them (null when none is dated).
 */
public record CountryVisits(int visits, String lastDate) {

    /** Dates by first day, then the finer before the coarser; undated first. */
    static final Comparator<String> LATER = Comparator.nullsFirst(
            Comparator.comparing((String d) -> PartialDate.parse(d).map(PartialDate::start).orElse(LocalDate.MIN))
                    .thenComparing(Comparator.naturalOrder()));

    static CountryVisits plus(CountryVisits current, String date) {
        if (current == null) {
            return new CountryVisits(1, date);
        }
        return new CountryVisits(current.visits + 1, LATER.compare(date, current.lastDate) > 0 ? date : current.lastDate);
    }

    /** One visit fewer, the date unchanged (the caller re-reads it if it was the one taken); null when none is left. */
    CountryVisits minus() {
        return visits <= 1 ? null : new CountryVisits(visits - 1, lastDate);
    }
}
