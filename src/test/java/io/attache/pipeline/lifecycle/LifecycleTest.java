package io.attache.pipeline.lifecycle;

import static io.attache.extract.EventStatus.CANCELLED;
import static io.attache.extract.EventStatus.COMPLETED;
import static io.attache.extract.EventStatus.DECLINED;
import static io.attache.extract.EventStatus.INVITED;
import static io.attache.extract.EventStatus.PLANNED;
import static io.attache.extract.EventStatus.SPECULATED;
import static io.attache.extract.EventStatus.UNDERWAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleTest {

    @ParameterizedTest(name = "{0} then {1} gives {2}")
    @DisplayName("Each rule of the lifecycle table")
    @CsvSource({
            "SPECULATED, PLANNED, PLANNED",
            "PLANNED, SPECULATED, PLANNED",
            "SPECULATED, INVITED, INVITED",
            "INVITED, SPECULATED, SPECULATED",
            "UNDERWAY, PLANNED, UNDERWAY",
            "COMPLETED, UNDERWAY, COMPLETED",
            "PLANNED, CANCELLED, CANCELLED",
            "INVITED, DECLINED, DECLINED",
            "UNDERWAY, CANCELLED, UNDERWAY",
            "COMPLETED, DECLINED, COMPLETED",
            "CANCELLED, DECLINED, DECLINED",
            "CANCELLED, SPECULATED, CANCELLED",
            "DECLINED, INVITED, DECLINED",
            "CANCELLED, PLANNED, PLANNED",
            "CANCELLED, COMPLETED, COMPLETED"})
    void next(EventStatus current, EventStatus reported, EventStatus expected) {
        assertThat(Lifecycle.next(current, reported)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a {0} report of 2025-05-10 may join an event at {1} dated {2}..{3}: {4}")
    @DisplayName("Which events are open for an imprecise report")
    @CsvSource({
            "PLANNED, , , , true",
            "PLANNED, UNDERWAY, , , true",
            "PLANNED, COMPLETED, , , false",
            "PLANNED, DECLINED, , , false",
            "PLANNED, , 2024-06-01, 2024-06-30, false",
            "PLANNED, , 2025-05-01, 2025-05-31, true",
            "UNDERWAY, , 2025-05-07, 2025-05-08, true",
            "UNDERWAY, , 2025-05-06, 2025-05-07, false",
            "COMPLETED, COMPLETED, 2023-09-01, 2023-09-30, true",
            "COMPLETED, CANCELLED, , , false",
            "COMPLETED, , 2025-06-01, 2025-06-30, false",
            "DECLINED, PLANNED, 2025-05-09, 2025-05-09, true",
            "DECLINED, DECLINED, , , true",
            "DECLINED, , 2025-03-01, 2025-03-31, false",
            "CANCELLED, UNDERWAY, , , false"})
    void canJoin(EventStatus reported, EventStatus asOf, LocalDate start, LocalDate end, boolean expected) {
        assertThat(Lifecycle.canJoin(reported, LocalDate.parse("2025-05-10"), asOf, start, end)).isEqualTo(expected);
    }

    @Test
    @DisplayName("A fold over publication order gives the status of the latest report unless it goes backwards")
    void fold() {
        assertThat(Lifecycle.fold(List.of(SPECULATED, PLANNED, UNDERWAY, PLANNED, COMPLETED, CANCELLED))).isEqualTo(COMPLETED);
        assertThat(Lifecycle.fold(List.of(INVITED, PLANNED, DECLINED))).isEqualTo(DECLINED);
        assertThat(Lifecycle.fold(List.of())).isNull();
    }
}
