package io.attache.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadmeTest {

    @Test
    @DisplayName("The README's settings table has a row for every setting with its flag, variable, key and default")
    void everySettingDocumented() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting s : Setting.values()) {
            String def = s.defaultValue().isEmpty() ? "(empty)" : "`" + s.defaultValue() + "`";
            assertThat(readme).as("README row of %s", s).contains(
                    "| `" + s.flag() + "` | `" + s.env() + "` | `" + s.key() + "` | " + def + " |");
        }
    }
}
