package io.attache.extract.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KbLoaderTest {

    static final KnowledgeBase TEST_KB = KbLoader.fromClasspath("test-kb/");

    @Test
    @DisplayName("People, countries, cities and organisations load from the classpath")
    void loads() {
        assertThat(TEST_KB.person("jane-wanjiru").name()).isEqualTo("Jane Wanjiru");
        assertThat(TEST_KB.person("jane-wanjiru").shortNames()).containsExactly("Wanjiru");
        assertThat(TEST_KB.country("KE").demonyms()).contains("Kenyan");
        assertThat(TEST_KB.cities()).anyMatch(c -> c.name().equals("State House") && c.kind().equals("SEAT"));
        assertThat(TEST_KB.organisations()).hasSize(1);
    }

    @Test
    @DisplayName("A line that does not parse fails the load with its file and line number")
    void badLine() {
        assertThatThrownBy(() -> KbLoader.fromClasspath("test-kb-bad/"))
                .isInstanceOf(KbLoader.KbFormatException.class)
                .hasMessageStartingWith("test-kb-bad/people/people.jsonl:2:");
    }

    @Test
    @DisplayName("The office holder depends on the day: before and after a change of president")
    void holdersAcrossChange() {
        Set<String> head = Set.of("HEAD_OF_STATE");
        assertThat(TEST_KB.holders("KE", head, LocalDate.parse("2024-03-01"), false)).extracting(Person::id)
                .containsExactly("jane-wanjiru");
        assertThat(TEST_KB.holders("KE", head, LocalDate.parse("2025-03-01"), false)).extracting(Person::id)
                .containsExactly("peter-kamau");
        assertThat(TEST_KB.holders("KE", head, LocalDate.parse("2025-03-01"), true)).extracting(Person::id)
                .containsExactly("jane-wanjiru");
    }

    @Test
    @DisplayName("An edited person replaces the old record in a new knowledge base; the old one is unchanged")
    void withPerson() {
        Person edited = new Person("peter-kamau", "Peter Kamau", List.of("P. Kamau"), List.of("Kamau"), "KE",
                TEST_KB.person("peter-kamau").roles());
        KnowledgeBase next = TEST_KB.withPerson(edited);
        assertThat(next.person("peter-kamau").aliases()).containsExactly("P. Kamau");
        assertThat(TEST_KB.person("peter-kamau").aliases()).isEmpty();
    }

    @Test
    @DisplayName("The knowledge base packed in the jar loads with every line valid")
    void standardLoads() {
        long t0 = System.nanoTime();
        KnowledgeBase kb = KbLoader.standard();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(kb.people()).isNotEmpty();
        assertThat(kb.countries()).hasSizeGreaterThan(150);
        System.out.printf("standard KB: %d people loaded in %d ms%n", kb.people().size(), ms);
    }
}
