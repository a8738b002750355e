package org.autoimplant.nodes.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Every node of plugin.xml as KNIME reads it: the factory exists, KNIME's own parser reads its
 * description (name and type as written), the description is valid against KNIME's current
 * node-description schema (from KNIME's jar), its icon exists; and every factory in the sources
 * is registered. Port counts need KNIME's registries and are checked inside the framework.
 */
class NodeDescriptionsTest {
    static final String XSD = "Node_v5.3.xsd";

    @Test
    void everyRegisteredFactoryHasAValidDescriptionAndIcon() throws Exception {
        List<String> factories = PluginXml.nodeFactories();
        assertFalse(factories.isEmpty());
        Schema schema = schema();
        for (String className : factories) {
            NodeFactory<?> f = (NodeFactory<?>) Class.forName(className).getDeclaredConstructor().newInstance();
            URL xml = f.getClass().getResource(f.getClass().getSimpleName() + ".xml");
            assertNotNull(xml, className + ": no description XML beside it");
            try (InputStream in = xml.openStream()) {
                schema.newValidator().validate(new StreamSource(in, xml.toString()));
            }
            Document d = PluginXml.parse(Path.of(xml.toURI()));
            f.init();
            assertEquals(text(d, "name"), f.getNodeName(), className + ": KNIME's parser did not read the description");
            assertEquals(d.getDocumentElement().getAttribute("type"), f.getType().name(), className);
            assertNotEquals(NodeFactory.getDefaultIcon(), f.getIcon(), className + ": icon missing");
            assertTrue(f.getIcon().openStream().readAllBytes().length > 0, className + ": empty icon");
            assertFalse(text(d, "shortDescription").isBlank(), className);
            assertTrue(d.getElementsByTagName("option").getLength() > 0, className + ": options undocumented");
        }
    }

    @Test
    void everyFactoryInTheSourcesIsRegistered() throws Exception {
        Path src = PluginXml.moduleDir().resolve("src/main/java");
        Set<String> inSources;
        try (Stream<Path> s = Files.walk(src)) {
            inSources = s.filter(p -> p.getFileName().toString().endsWith("NodeFactory.java"))
                    .map(p -> src.relativize(p).toString().replace('/', '.').replaceAll("\\.java$", ""))
                    .filter(NodeDescriptionsTest::concrete)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(inSources, new TreeSet<>(PluginXml.nodeFactories()));
    }

    @Test
    void categoryIconExists() throws Exception {
        for (String icon : PluginXml.attributes("org.knime.workbench.repository.categories", "category", "icon")) {
            assertTrue(Files.size(PluginXml.moduleDir().resolve(icon)) > 0, icon);
        }
    }

    @Test
    void theSchemaRejectsWhatKnimeWouldReject() throws Exception {
        String bad = "<knimeNode type=\"Sauce\" xmlns=\"http://knime.org/node/v5.3\"><name>x</name>"
                + "<shortDescription>x</shortDescription><fullDescription><intro>x</intro></fullDescription>"
                + "<ports/></knimeNode>";
        assertThrows(SAXException.class, () -> schema().newValidator()
                .validate(new StreamSource(new java.io.StringReader(bad))));
    }

    private static boolean concrete(String className) {
        try {
            return !java.lang.reflect.Modifier.isAbstract(Class.forName(className).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static Schema schema() throws SAXException {
        URL xsd = NodeFactory.class.getResource(XSD);
        assertNotNull(xsd, "KNIME's jar has no " + XSD);
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
    }

    private static String text(Document d, String element) {
        return ((Element) d.getElementsByTagNameNS("*", element).item(0)).getTextContent().strip();
    }
}
