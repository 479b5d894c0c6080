package io.attache.deploy;

import static io.attache.deploy.Pom.child;
import static io.attache.deploy.Pom.children;
import static io.attache.deploy.Pom.jibPlugin;
import static io.attache.deploy.Pom.path;
import static io.attache.deploy.Pom.resolve;
import static io.attache.deploy.Pom.text;
import static io.attache.deploy.Pom.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.attache.cli.AttacheCli;
import io.attache.config.Setting;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The container image as pom.xml's `image` profile configures Jib. */
class ImageConfigurationTest {

    private static final Element project = Pom.PROJECT;
    private static final Element jib = Pom.JIB;
    private static final Element container = Pom.CONTAINER;

    @Test
    @DisplayName("The image runs the CLI's main class with `run` as its default arguments")
    void entrypoint() {
        assertThat(resolve(text(container, "mainClass"))).isEqualTo(AttacheCli.class.getName());
        assertThat(values(container, "args")).containsExactly("run");
        assertThat(child(container, "entrypoint")).as("a custom entrypoint would bypass the JVM flags").isEmpty();
    }

    @Test
    @DisplayName("The image exposes the default HTTP port and nothing else")
    void port() {
        assertThat(values(container, "ports")).containsExactly(Setting.HTTP_PORT.defaultValue());
    }

    @Test
    @DisplayName("The image runs as a numeric non-root user")
    void nonRoot() {
        String user = text(container, "user");
        assertThat(user).matches("\\d+(:\\d+)?");
        assertThat(user.split(":")).allSatisfy(id -> assertThat(Integer.parseInt(id)).isPositive());
    }

    @Test
    @DisplayName("The JVM is sized by the container's memory and exits on OutOfMemoryError")
    void jvmFlags() {
        List<String> flags = values(container, "jvmFlags");
        assertThat(flags).anySatisfy(f -> assertThat(f).matches("-XX:MaxRAMPercentage=\\d+(\\.\\d+)?"));
        assertThat(flags).contains("-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp");
        assertThat(flags).as("a fixed heap ignores the container limit").noneMatch(f -> f.startsWith("-Xmx"));
    }

    @Test
    @DisplayName("State goes to a declared volume, which the state.dir default of the image points into")
    void stateVolume() {
        assertThat(values(container, "volumes")).contains("/var/lib/attache", "/tmp");
        Element env = child(container, "environment").orElseThrow();
        String stateDir = text(env, Setting.STATE_DIR.env());
        assertThat(stateDir).startsWith("/var/lib/attache/");
        assertThat(children(env, null)).allSatisfy(e -> assertThat(Deployment.problemWith(e.getTagName())).isNull());
        assertThat(Deployment.file("src/main/jib/var/lib/attache")).isDirectory();
    }

    @Test
    @DisplayName("The base image is a pinned Temurin 17 JRE and Jib stays out of the default build")
    void baseImageAndLifecycle() {
        String from = text(path(jib, "configuration", "from"), "image");
        assertThat(from).matches("eclipse-temurin:17\\.\\d+\\.\\d+_\\d+-jre(-[a-z]+)?(@sha256:[0-9a-f]{64})?");
        assertThat(child(jib, "executions")).as("no execution binds Jib to a lifecycle phase").isEmpty();
        Element mainPlugins = path(project, "build", "plugins");
        assertThat(jibPlugin(mainPlugins)).as("Jib in the default build").isEmpty();
    }
}
