package io.attache.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Synthetic news for benchmarks")
class SyntheticNewsTest {

    private final List<SyntheticNews.Story> stories = new SyntheticNews(1, LocalDate.of(2026, 1, 5)).next(2000);

    @Test
    @DisplayName("articles have distinct ids and texts of 2 to 6 KB")
    void distinctAndSized() {
        assertThat(stories.stream().map(s -> s.article().id()).distinct()).hasSize(stories.size());
        assertThat(stories.stream().map(s -> s.article().text()).distinct()).hasSize(stories.size());
        assertThat(stories).allSatisfy(s -> assertThat(s.article().text().getBytes(StandardCharsets.UTF_8).length)
                .isBetween(2048, 6144));
    }

    @Test
    @DisplayName("each article's mention is read from a sentence of its text that names both leaders")
    void mentionMatchesText() {
        assertThat(stories).allSatisfy(s -> {
            String sentence = s.mention().evidence().sentence();
            assertThat(s.article().text()).startsWith(sentence);
            assertThat(sentence).contains(s.mention().actor().name());
            assertThat(s.mention().articleId()).isEqualTo(s.article().id());
        });
    }

    @Test
    @DisplayName("a weekday an article names is the weekday of its story's date")
    void weekdaysMatchDates() {
        List<SyntheticNews.Story> stories = new SyntheticNews(3, LocalDate.of(2026, 1, 5)).next(400);
        int named = 0;
        for (SyntheticNews.Story s : stories) {
            String sentence = s.mention().evidence().sentence();
            for (DayOfWeek d : DayOfWeek.values()) {
                String name = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                if (sentence.contains(" on " + name)) {
                    named++;
                    assertThat(LocalDate.parse(s.mention().date()).getDayOfWeek()).as(sentence).isEqualTo(d);
                }
            }
        }
        assertThat(named).isGreaterThan(100);
    }

    @Test
    @DisplayName("the stories mix event types, lifecycle stages and many leaders, and repeat for a seed")
    void variety() {
        assertThat(stories.stream().map(s -> s.mention().type()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(EventType.VISIT, EventType.MEETING, EventType.CALL);
        assertThat(stories.stream().map(s -> s.mention().status()).collect(Collectors.toSet()))
                .contains(EventStatus.PLANNED, EventStatus.UNDERWAY, EventStatus.COMPLETED);
        assertThat(stories.stream().map(s -> s.mention().actor().id()).distinct().count()).isGreaterThan(20);
        assertThat(new SyntheticNews(1, LocalDate.of(2026, 1, 5)).next(50)).isEqualTo(stories.subList(0, 50));
    }
}
