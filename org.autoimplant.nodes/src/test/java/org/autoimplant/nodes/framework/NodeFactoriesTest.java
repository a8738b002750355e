package org.autoimplant.nodes.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.knime.core.node.Node;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.workflow.FileNativeNodeContainerPersistor;
import org.w3c.dom.Document;

/**
 * Every node registered in our plugin.xml, as KNIME's node repository loads it: the factory comes
 * from the extension registry, and the ports its model declares match its description (count,
 * and a name for each).
 */
class NodeFactoriesTest {
    @Test
    void portsMatchTheDescriptions() throws Exception {
        List<String> factories = registeredFactories();
        assertFalse(factories.isEmpty(), "no nodes registered by org.autoimplant.nodes");
        for (String className : factories) {
            NodeFactory<NodeModel> f = FileNativeNodeContainerPersistor.loadNodeFactory(className);
            Node node = new Node(f);
            URL xml = f.getClass().getResource(f.getClass().getSimpleName() + ".xml");
            Document d;
            try (InputStream in = xml.openStream()) {
                DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
                dbf.setNamespaceAware(true);
                d = dbf.newDocumentBuilder().parse(in);
            }
            int in = d.getElementsByTagNameNS("*", "inPort").getLength();
            int out = d.getElementsByTagNameNS("*", "outPort").getLength();
            // Port 0 on both sides is KNIME's flow-variable port.
            assertEquals(in, node.getNrInPorts() - 1, className + ": input ports");
            assertEquals(out, node.getNrOutPorts() - 1, className + ": output ports");
            for (int i = 0; i < in; i++) {
                assertNotNull(f.getInportName(i), className + " input " + i);
            }
            for (int i = 0; i < out; i++) {
                assertNotNull(f.getOutportName(i), className + " output " + i);
            }
        }
    }

    static List<String> registeredFactories() {
        List<String> out = new ArrayList<>();
        for (IConfigurationElement e : Platform.getExtensionRegistry()
                .getConfigurationElementsFor("org.knime.workbench.repository.nodes")) {
            if ("org.autoimplant.nodes".equals(e.getContributor().getName())) {
                out.add(e.getAttribute("factory-class"));
            }
        }
        return out;
    }
}
