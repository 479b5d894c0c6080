package io.attache.pipeline.activity;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import io.attache.pipeline.lifecycle.MentionSummary;
import io.attache.pipeline.lifecycle.PartialDate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/** What the activity tables keep of one canonical event. */
public record EventRef(
        String eventId,
        EventType type,
        EventStatus status,
        Principal actor,
        List<Principal> participants,
        String hostCountry,
        String date,
        String dateEnd,
        String lastUpdated) {

    /** Most recent first by event day, then by latest report, then by id. */
    static final Comparator<EventRef> RECENCY = Comparator.comparing(EventRef::day)
            .thenComparing(r -> r.lastUpdated == null ? "" : r.lastUpdated).thenComparing(EventRef::eventId);

    public EventRef {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    public static EventRef of(CanonicalEvent e) {
        return new EventRef(e.eventId(), e.type(), e.status(), e.actor(), e.participants(), e.hostCountry(), e.date(),
                e.dateEnd(), e.lastUpdated());
    }

    /** The last day of the event's dates (its end date's, if later), or the day of its latest report when undated. */
    LocalDate lastDay() {
        LocalDate end = PartialDate.parse(dateEnd).map(PartialDate::end).orElse(null);
        return PartialDate.parse(date).map(d -> end != null && end.isAfter(d.end()) ? end : d.end()).orElseGet(this::day);
    }

    /** The first day of the event, or the day of its latest report when undated. */
    LocalDate day() {
        return PartialDate.parse(date).map(PartialDate::start)
                .orElseGet(() -> LocalDate.ofInstant(MentionSummary.instant(lastUpdated), ZoneOffset.UTC));
    }
}
