package io.attache.extract.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SyntheticArticlesTest {

    @Test
    @DisplayName("Event sentences are filled in exactly as String.format fills their templates")
    void fillAsFormat() {
        String[] values = {"Ana Lima", "Jon Berg", "Norway", "Oslo", "Brasília", "Monday", "June"};
        for (String template : SyntheticArticles.EVENT) {
            assertThat(SyntheticArticles.fill(template, values)).isEqualTo(String.format(template, (Object[]) values));
        }
    }
}
