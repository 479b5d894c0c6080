package io.attache.pipeline.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.time.Instant;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TallyTest {

    private static final Principal ME = new Principal("maria-oliveira", "Maria Oliveira", "BR", "President", true);
    private static final List<Principal> OTHERS = List.of(
            new Principal("kenji-sato", "Kenji Sato", "JP", "Prime Minister", true),
            new Principal("amara-diallo", "Amara Diallo", "SN", "President", true));
    private static final List<String> HOSTS = List.of("JP", "SN", "BR", "IN");
    private static final List<String> DATES = List.of("2025", "2025-03", "2025-03-02", "2025-03-09", "2025-04-01", "2025-04",
            "2026-01-15");

    private static final List<EventStatus> AHEAD = List.of(EventStatus.SPECULATED, EventStatus.INVITED, EventStatus.PLANNED);

    private record Change(String eventId, EventRef ref) {
    }

    /**
     * A random history of one group's events as news produces it: reports arrive in time order;
     * each brings a new event or a new version of one (status, place, type, now and then its
     * date), and one in eight deletes an event (re-formed under another id).
     */
    private static List<Change> history(long seed, int steps, int events, boolean traveller) {
        Random random = new Random(seed);
        Map<String, String> dates = new TreeMap<>();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            String id = "e" + random.nextInt(events);
            if (!dates.containsKey(id) || random.nextInt(5) == 0) {
                dates.put(id, random.nextInt(6) == 0 ? null : DATES.get(random.nextInt(DATES.size())));
            }
            // a traveller's events are mostly their own visits, many not yet started: more than a summary lists
            EventType type = traveller && random.nextInt(4) > 0 ? EventType.VISIT
                    : EventType.values()[random.nextInt(EventType.values().length)];
            EventStatus status = traveller && random.nextInt(3) > 0 ? AHEAD.get(random.nextInt(AHEAD.size()))
                    : EventStatus.values()[random.nextInt(EventStatus.values().length)];
            EventRef ref = random.nextInt(8) == 0 ? null : new EventRef(id, type, status,
                    traveller && random.nextInt(4) > 0 || random.nextBoolean() ? ME : OTHERS.get(random.nextInt(2)),
                    random.nextBoolean() ? List.of(ME) : List.of(OTHERS.get(random.nextInt(2)), ME),
                    random.nextInt(6) == 0 ? null : HOSTS.get(random.nextInt(HOSTS.size())),
                    dates.get(id), null, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * i).toString());
            changes.add(new Change(id, ref));
        }
        return changes;
    }

    private static Tally.Timeline timeline(Map<String, EventRef> events) {
        return () -> events.values().stream().sorted(EventRef.RECENCY.reversed());
    }

    /** The summary of these events added one by one in id order. */
    private static <S> S fromScratch(Tally<S> tally, String group, Map<String, EventRef> events) {
        Map<String, EventRef> added = new TreeMap<>();
        S summary = null;
        for (EventRef r : events.values()) {
            added.put(r.eventId(), r);
            summary = tally.update(group, summary, null, r, timeline(added));
        }
        return summary;
    }

    private static <S> void followsRebuild(Tally<S> tally, String group, long seed, int events) {
        followsRebuild(tally, group, seed, events, false);
    }

    private static <S> void followsRebuild(Tally<S> tally, String group, long seed, int events, boolean traveller) {
        Map<String, EventRef> held = new TreeMap<>();
        S summary = null;
        AtomicInteger reads = new AtomicInteger();
        int changes = 0;
        for (Change change : history(seed, 400, events, traveller)) {
            EventRef now = change.ref();
            EventRef before = held.get(change.eventId());
            if (before == null && now == null || now != null && now.equals(before)) {
                continue;
            }
            changes++;
            if (now == null) {
                held.remove(change.eventId());
            } else {
                held.put(change.eventId(), now);
            }
            Tally.Timeline all = timeline(held);
            summary = tally.update(group, summary, before, now, () -> {
                reads.incrementAndGet();
                return all.newestFirst();
            });
            assertThat(summary).isEqualTo(fromScratch(tally, group, held));
        }
        assertThat(reads.get()).as("timeline reads in %d changes", changes).isLessThan(changes / 4);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    @DisplayName("After every change, a leader's incremental summary equals one rebuilt from its events")
    void leaderSummaryFollowsRebuild(long seed) {
        followsRebuild(LeaderActivity.TALLY, ME.id(), seed, 8);
        followsRebuild(LeaderActivity.TALLY, ME.id(), seed, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    @DisplayName("A traveller's summary lists only the most recent visits not yet started, and still equals a rebuild")
    void travellerListsRecentPlans(long seed) {
        followsRebuild(LeaderActivity.TALLY, ME.id(), seed, 60, true);
        Map<String, EventRef> held = new TreeMap<>();
        history(seed, 400, 60, true).forEach(c -> {
            if (c.ref() == null) {
                held.remove(c.eventId());
            } else {
                held.put(c.eventId(), c.ref());
            }
        });
        LeaderActivity summary = fromScratch(LeaderActivity.TALLY, ME.id(), held);
        List<EventRef> ahead = held.values().stream()
                .filter(r -> r.type() == EventType.VISIT && r.actor().equals(ME) && AHEAD.contains(r.status())
                        && !Objects.equals(r.hostCountry(), summary.country()))
                .sorted(EventRef.RECENCY.reversed()).toList();
        assertThat(ahead).as("the history has more plans than a summary lists").hasSizeGreaterThan(LeaderActivity.UPCOMING_LIMIT);
        assertThat(summary.upcoming()).containsExactlyInAnyOrderElementsOf(ahead.subList(0, LeaderActivity.UPCOMING_LIMIT));
        if (summary.nextPlanned() != null) {
            assertThat(summary.upcoming()).contains(summary.nextPlanned());
            assertThat(summary.nextPlanned().lastDay()).isAfterOrEqualTo(summary.lastActivity().day());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    @DisplayName("After every change, a country pair's incremental summary equals one rebuilt from its events")
    void dyadSummaryFollowsRebuild(long seed) {
        followsRebuild(Dyad.TALLY, "BR|JP", seed, 8);
        followsRebuild(Dyad.TALLY, "BR|JP", seed, 60);
    }
}
