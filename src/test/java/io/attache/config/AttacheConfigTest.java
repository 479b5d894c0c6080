package io.attache.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class AttacheConfigTest {

    @Test
    @DisplayName("A flag beats the environment, which beats the properties file, which beats the default")
    void precedence(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("attache.properties");
        Files.writeString(file, "http.port=7000\ntopic.prefix=file.\napplication.id=from-file\n");
        ConfigOptions options = new ConfigOptions();
        new CommandLine(options).parseArgs("--config", file.toString(), "--http-port", "9000");

        AttacheConfig config = options.resolve(Map.of("ATTACHE_HTTP_PORT", "8000", "ATTACHE_TOPIC_PREFIX", "env."));

        assertThat(config.httpPort()).isEqualTo(9000);
        assertThat(config.topicPrefix()).isEqualTo("env.");
        assertThat(config.applicationId()).isEqualTo("from-file");
        assertThat(config.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(config.embedded()).isTrue();
    }

    @Test
    @DisplayName("Kafka client properties pass through from the kafka config file, the settings file and ATTACHE_KAFKA_ variables")
    void kafkaPassThrough(@TempDir Path dir) throws Exception {
        Path kafka = dir.resolve("client.properties");
        Files.writeString(kafka, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");
        ConfigOptions options = new ConfigOptions();
        new CommandLine(options).parseArgs("--kafka-config", kafka.toString());

        AttacheConfig config = options.resolve(Map.of("ATTACHE_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/ts.p12"));

        assertThat(config.kafka()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/ts.p12");
    }

    @Test
    @DisplayName("A setting that is not a number is refused with its name and value")
    void badNumber() {
        ConfigOptions options = new ConfigOptions();
        new CommandLine(options).parseArgs("--http-port", "eighty");

        assertThatThrownBy(() -> options.resolve(Map.of()))
                .isInstanceOf(AttacheConfig.ConfigException.class)
                .hasMessageContaining("http.port").hasMessageContaining("eighty");
    }

    @Test
    @DisplayName("Every declared setting has exactly its flag among the shared options")
    void everySettingHasAFlag() {
        Set<String> flags = new CommandLine(new ConfigOptions()).getCommandSpec().options().stream()
                .map(OptionSpec::longestName).collect(Collectors.toSet());
        for (Setting s : Setting.values()) {
            assertThat(flags).as("flag of %s", s).contains(s.flag());
        }
    }
}
