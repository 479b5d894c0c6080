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
 * is per type and status over the current version of each event; {@code latest} the most recent
 * event. Kept incrementally by {@link ActivityStage}.
 */
public record Dyad(
        String dyad,
        List<String> countries,
        int eventCount,
        Map<EventType, Map<EventStatus, Integer>> counts,
        EventRef latest) {

    /** Keeps country-pair relations from the pair's event versions. */
    public static final Tally<Dyad> TALLY = (dyad, current, held, now, timeline) -> {
        Dyad before = current != null ? current : new Dyad(dyad, List.of(dyad.split("\\|")), 0, Map.of(), null);
        int count = before.eventCount + (now != null ? 1 : 0) - (held != null ? 1 : 0);
        if (count <= 0) {
            return null;
        }
        Map<EventType, Map<EventStatus, Integer>> counts = before.counts;
        if (held != null) {
            counts = plus(counts, held, -1);
        }
        if (now != null) {
            counts = plus(counts, now, +1);
        }
        return new Dyad(dyad, before.countries, count, counts,
                Latest.after(before.latest, count, held, now, timeline));
    };

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

    private static Map<EventType, Map<EventStatus, Integer>> plus(Map<EventType, Map<EventStatus, Integer>> counts,
            EventRef r, int d) {
        Map<EventType, Map<EventStatus, Integer>> next = new TreeMap<>(counts);
        Map<EventStatus, Integer> byStatus = Counts.plus(counts.getOrDefault(r.type(), Map.of()), r.status(), d);
        if (byStatus.isEmpty()) {
            next.remove(r.type());
        } else {
            next.put(r.type(), byStatus);
        }
        return next;
    }
}
