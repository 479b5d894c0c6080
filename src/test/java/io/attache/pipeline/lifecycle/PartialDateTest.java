package io.attache.pipeline.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartialDateTest {

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @DisplayName("Dates are consistent when one contains the other or two days are close")
    @CsvSource({
            "2025, 2025-05, true",
            "2025-05, 2025-05-09, true",
            "2025, 2025-05-09, true",
            "2023-09, 2025-05, false",
            "2025-05, 2025-06, false",
            "2025-05-09, 2025-05-11, true",
            "2025-05-09, 2025-05-12, false",
            "2025-05-31, 2025-06-01, true"})
    void consistency(String a, String b, boolean expected) {
        PartialDate x = PartialDate.parse(a).orElseThrow();
        PartialDate y = PartialDate.parse(b).orElseThrow();
        assertThat(x.consistentWith(y)).isEqualTo(expected);
        assertThat(y.consistentWith(x)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @DisplayName("A malformed date reads as undated rather than failing the stage")
    @CsvSource({"2025-13", "soon", "2025-02-30", "''"})
    void malformed(String date) {
        assertThat(PartialDate.parse(date)).isEmpty();
    }

    @Test
    @DisplayName("An end date stretches the span of a day")
    void dateEnd() {
        PartialDate trip = PartialDate.parse("2025-05-09", "2025-05-14").orElseThrow();
        assertThat(trip.consistentWith(PartialDate.parse("2025-05-13").orElseThrow())).isTrue();
        assertThat(trip.consistentWith(PartialDate.parse("2025-05-20").orElseThrow())).isFalse();
    }
}
