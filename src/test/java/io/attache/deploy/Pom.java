package io.attache.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** pom.xml read with the JDK's DOM parser, and the Jib configuration of its `image` profile. */
final class Pom {

    static final Element PROJECT = read();
    static final Element PROFILE = children(child(PROJECT, "profiles").orElseThrow(), "profile").stream()
            .filter(p -> text(p, "id").equals("image")).findFirst()
            .orElseThrow(() -> new AssertionError("pom.xml has no profile 'image'"));
    static final Element JIB = jibPlugin(path(PROFILE, "build", "plugins"))
            .orElseThrow(() -> new AssertionError("profile 'image' has no jib-maven-plugin"));
    static final Element CONTAINER = path(JIB, "configuration", "container");

    private Pom() {
    }

    private static Element read() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document pom = factory.newDocumentBuilder().parse(Deployment.file("pom.xml").toFile());
            return pom.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("cannot parse pom.xml: " + e.getMessage(), e);
        }
    }

    /** The image reference compose and Kubernetes use by default, as the profile names it. */
    static String imageReference() {
        Element to = path(JIB, "configuration", "to");
        String version = text(PROJECT, "version");
        return resolve(text(to, "image")).replace("${project.version}", version);
    }

    static List<String> jvmFlagsOfImage() {
        return values(CONTAINER, "jvmFlags");
    }

    static String property(String name) {
        return text(child(PROJECT, "properties").orElseThrow(), name);
    }

    static String resolve(String value) {
        String out = value;
        for (Element p : children(child(PROJECT, "properties").orElseThrow(), null)) {
            out = out.replace("${" + p.getTagName() + "}", p.getTextContent().trim());
        }
        for (Element p : children(child(PROFILE, "properties").orElseThrow(), null)) {
            out = out.replace("${" + p.getTagName() + "}", p.getTextContent().trim());
        }
        return out;
    }

    static Optional<Element> jibPlugin(Element plugins) {
        return children(plugins, "plugin").stream()
                .filter(p -> text(p, "artifactId").equals("jib-maven-plugin"))
                .findFirst();
    }

    static List<String> values(Element parent, String listName) {
        return child(parent, listName).map(l -> children(l, null).stream().map(e -> e.getTextContent().trim()).toList())
                .orElse(List.of());
    }

    static Element path(Element from, String... names) {
        Element e = from;
        for (String n : names) {
            Element parent = e;
            e = child(e, n).orElseThrow(() -> new AssertionError("no <" + n + "> in <" + parent.getTagName() + ">"));
        }
        return e;
    }

    static String text(Element parent, String name) {
        return child(parent, name).orElseThrow(() -> new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">"))
                .getTextContent().trim();
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    /** Direct element children, of one name or (null) all. */
    static List<Element> children(Element parent, String name) {
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
