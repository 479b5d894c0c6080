package io.attache.pipeline.activity;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Relations between two countries, the value of the compacted {@code relations.dyads} topic keyed by
 * the two ISO codes sorted and joined by '|' ("CN|KP"). A VISIT links the traveller's country and the
 * host; a MEETING, CALL or AGREEMENT links every two countries of its principals. {@code counts}
 * is per type and status; {@code latest} the most recent event by date; all derived from
 * {@code events}, the current version of each event.
 */
public record Dyad(
        String dyad,
        List<String> countries,
        Map<EventType, Map<EventStatus, Integer>> counts,
        EventRef latest,
        Map<String, EventRef> events) {

    public static Set<String> dyadsOf(CanonicalEvent e) {
        TreeSet<String> countries = new TreeSet<>();
        if (e.type() == EventType.VISIT) {
            Stream.of(e.actor().country(), e.hostCountry()).filter(Objects::nonNull).forEach(countries::add);
        } else {
            Stream.concat(Stream.of(e.actor()), e.participants().stream()).map(Principal::country)
                    .filter(Objects::nonNull).forEach(countries::add);
        }
        Set<String> pairs = new TreeSet<>();
        for (String a : countries) {
            for (String b : countries.tailSet(a, false)) {
                pairs.add(a + "|" + b);
            }
        }
        return pairs;
    }

    public static Dyad add(String dyad, EventRef ref, Dyad current) {
        Map<String, EventRef> events = current == null ? new TreeMap<>() : new TreeMap<>(current.events);
        events.put(ref.eventId(), ref);
        return of(dyad, events);
    }

    /** Removes the event if it is the version held; null (a tombstone) once no event is left. */
    public static Dyad subtract(String dyad, EventRef ref, Dyad current) {
        Map<String, EventRef> events = new TreeMap<>(current.events);
        events.remove(ref.eventId(), ref);
        return events.isEmpty() ? null : of(dyad, events);
    }

    static Dyad of(String dyad, Map<String, EventRef> events) {
        Map<EventType, Map<EventStatus, Integer>> counts = new TreeMap<>();
        for (EventType t : EventType.values()) {
            Map<EventStatus, Integer> c = LeaderActivity.byStatus(events, r -> r.type() == t);
            if (!c.isEmpty()) {
                counts.put(t, c);
            }
        }
        return new Dyad(dyad, List.of(dyad.split("\\|")), counts,
                events.values().stream().max(EventRef.RECENCY).orElse(null), events);
    }
}
