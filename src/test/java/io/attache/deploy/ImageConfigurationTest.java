package io.attache.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.cli.AttacheCli;
import io.attache.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The container image as pom.xml's `image` profile configures Jib. */
class ImageConfigurationTest {

    private static Element project;
    private static Element container;
    private static Element jib;

    @BeforeAll
    static void readPom() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom = factory.newDocumentBuilder().parse(Deployment.file("pom.xml").toFile());
        project = pom.getDocumentElement();
        Element profile = children(child(project, "profiles").orElseThrow(), "profile").stream()
                .filter(p -> text(p, "id").equals("image")).findFirst()
                .orElseThrow(() -> new AssertionError("pom.xml has no profile 'image'"));
        jib = jibPlugin(child(profile, "build").flatMap(b -> child(b, "plugins")).orElseThrow())
                .orElseThrow(() -> new AssertionError("profile 'image' has no jib-maven-plugin"));
        container = path(jib, "configuration", "container");
    }

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

    /** The image reference compose and Kubernetes use by default, as the profile names it. */
    static String imageReference() {
        Element to = path(jib, "configuration", "to");
        String version = text(project, "version");
        return resolve(text(to, "image")).replace("${project.version}", version);
    }

    static List<String> jvmFlagsOfImage() {
        return values(container, "jvmFlags");
    }

    static String property(String name) {
        return text(child(project, "properties").orElseThrow(), name);
    }

    private static String resolve(String value) {
        String out = value;
        for (Element p : children(child(project, "properties").orElseThrow(), null)) {
            out = out.replace("${" + p.getTagName() + "}", p.getTextContent().trim());
        }
        Element profile = (Element) jib.getParentNode().getParentNode().getParentNode();
        for (Element p : children(child(profile, "properties").orElseThrow(), null)) {
            out = out.replace("${" + p.getTagName() + "}", p.getTextContent().trim());
        }
        return out;
    }

    private static Optional<Element> jibPlugin(Element plugins) {
        return children(plugins, "plugin").stream()
                .filter(p -> text(p, "artifactId").equals("jib-maven-plugin"))
                .findFirst();
    }

    private static List<String> values(Element parent, String listName) {
        return child(parent, listName).map(l -> children(l, null).stream().map(e -> e.getTextContent().trim()).toList())
                .orElse(List.of());
    }

    private static Element path(Element from, String... names) {
        Element e = from;
        for (String n : names) {
            Element parent = e;
            e = child(e, n).orElseThrow(() -> new AssertionError("no <" + n + "> in <" + parent.getTagName() + ">"));
        }
        return e;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).orElseThrow(() -> new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">"))
                .getTextContent().trim();
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    /** Direct element children, of one name or (null) all. */
    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                out.add(e);
            }
        }
        return out;
    }
}
