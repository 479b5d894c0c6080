package io.attache.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoFeederTest {

    private static Article article(String id, String published) {
        return new Article(id, null, "Wire", published, null, "Text of " + id + ".", "en", null);
    }

    @Test
    @DisplayName("articles go out in publication order with gaps scaled to one simulated day per second and capped")
    void acceleratedClock() throws InterruptedException {
        List<Duration> pauses = new ArrayList<>();
        List<String> fed = new ArrayList<>();
        DemoFeeder feeder = new DemoFeeder(Duration.ofDays(1), Duration.ofSeconds(5), pauses::add);

        feeder.feed(List.of(
                article("c", "2025-03-03"),
                article("undated", null),
                article("a", "2025-03-01"),
                article("b", "2025-03-01T12:00:00Z"),
                article("d", "2025-03-20T00:00:00+00:00")), a -> fed.add(a.id()));

        assertThat(fed).containsExactly("a", "b", "c", "d", "undated");
        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("the speed is configurable: one simulated hour per second stretches a day's gap to the cap")
    void configurableSpeed() throws InterruptedException {
        List<Duration> pauses = new ArrayList<>();
        new DemoFeeder(Duration.ofHours(1), Duration.ofMinutes(1), pauses::add)
                .feed(List.of(article("a", "2025-03-01T00:00:00Z"), article("b", "2025-03-01T00:30:00Z"),
                        article("c", "2025-03-02T00:30:00Z")), a -> { });
        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(24));
    }
}
