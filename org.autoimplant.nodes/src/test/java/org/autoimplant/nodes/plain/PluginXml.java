package org.autoimplant.nodes.plain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The plugin's own files, read as a build tool would: plugin.xml, MANIFEST.MF, build.properties. */
public final class PluginXml {
    private PluginXml() {
    }

    /** The plugin module folder (set by Maven). */
    public static Path moduleDir() {
        return Path.of(System.getProperty("autoimplant.module.dir", "."));
    }

    public static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(xml.toFile());
    }

    /** Factory classes registered at org.knime.workbench.repository.nodes. */
    public static List<String> nodeFactories() throws Exception {
        return attributes("org.knime.workbench.repository.nodes", "node", "factory-class");
    }

    /** An attribute of every {@code element} inside the extensions of {@code point}. */
    public static List<String> attributes(String point, String element, String attribute) throws Exception {
        Document d = parse(moduleDir().resolve("plugin.xml"));
        List<String> out = new ArrayList<>();
        NodeList ext = d.getElementsByTagName("extension");
        for (int i = 0; i < ext.getLength(); i++) {
            Element e = (Element) ext.item(i);
            if (!point.equals(e.getAttribute("point"))) {
                continue;
            }
            NodeList nodes = e.getElementsByTagName(element);
            for (int k = 0; k < nodes.getLength(); k++) {
                out.add(((Element) nodes.item(k)).getAttribute(attribute));
            }
        }
        return out;
    }
}
