package org.autoimplant.nodes.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin's build descriptions agree with each other and with the bundle our build assembled
 * (Tycho, the users' build, cannot run here): MANIFEST.MF's Bundle-ClassPath lists exactly the
 * jars in libs/, build.properties ships what the bundle needs, feature.xml and category.xml name
 * the plugin and feature at their versions, and tycho-pom.xml fills libs/ from the same place with
 * the same exclusions as our pom.xml.
 */
class BundleLayoutIT {
    private static final Path MODULE = PluginXml.moduleDir();
    private static final Path BUNDLE = Path.of(System.getProperty("autoimplant.bundle.dir"));

    @Test
    void bundleClassPathListsExactlyTheJarsInLibs() throws Exception {
        Attributes m = manifest();
        List<String> cp = entries(m.getValue("Bundle-ClassPath"));
        assertEquals(".", cp.get(0), "classes at the bundle root come first");
        Set<String> listed = new TreeSet<>(cp.subList(1, cp.size()));
        Set<String> copied;
        try (Stream<Path> s = Files.list(BUNDLE.resolve("libs"))) {
            copied = s.map(p -> "libs/" + p.getFileName()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(copied, listed, "MANIFEST.MF Bundle-ClassPath vs the jars the build copied into libs/");
        assertTrue(listed.contains("libs/org.autoimplant.core.jar"));
        assertTrue(listed.stream().noneMatch(j -> j.contains("slf4j")), "slf4j comes from KNIME, not libs/");
        assertTrue(m.getValue("Import-Package").startsWith("org.slf4j"), "slf4j must be imported");
    }

    @Test
    void bundleFolderHoldsWhatBuildPropertiesShips() throws Exception {
        Properties b = new Properties();
        try (InputStream in = Files.newInputStream(MODULE.resolve("build.properties"))) {
            b.load(in);
        }
        assertEquals("src/main/java/", b.getProperty("source.."));
        Set<String> includes = new TreeSet<>(entries(b.getProperty("bin.includes")));
        assertEquals(new TreeSet<>(List.of("META-INF/", ".", "plugin.xml", "icons/", "libs/", "models/")), includes);
        for (String f : List.of("META-INF/MANIFEST.MF", "plugin.xml", "icons/autoimplant.png",
                "org/autoimplant/nodes/nrrdreader/NrrdReaderNodeFactory.class",
                "org/autoimplant/nodes/nrrdreader/NrrdReaderNodeFactory.xml",
                "org/autoimplant/nodes/nrrdreader/nrrd-reader.png",
                // the bundled models, byte for byte those of ../models
                "models/n1.zip", "models/n2.zip", "models/completion.zip")) {
            assertTrue(Files.isRegularFile(BUNDLE.resolve(f)), "bundle lacks " + f);
        }
        for (String m : List.of("n1.zip", "n2.zip", "completion.zip")) {
            assertEquals(Files.mismatch(MODULE.resolve("../models").resolve(m), BUNDLE.resolve("models").resolve(m)),
                    -1L, "models/" + m + " differs from ../models/" + m);
        }
    }

    @Test
    void featureAndCategoryNameThePluginAtItsVersion() throws Exception {
        Attributes m = manifest();
        String bsn = m.getValue("Bundle-SymbolicName").split(";")[0].strip();
        String version = m.getValue("Bundle-Version");
        Document feature = PluginXml.parse(MODULE.resolve("../org.autoimplant.feature/feature.xml"));
        Element plugin = (Element) feature.getElementsByTagName("plugin").item(0);
        assertEquals(1, feature.getElementsByTagName("plugin").getLength());
        assertEquals(bsn, plugin.getAttribute("id"));
        assertEquals(version, plugin.getAttribute("version"));
        assertEquals("true", plugin.getAttribute("unpack"), "the plugin runs as a folder (Eclipse-BundleShape: dir)");
        assertEquals("dir", m.getValue("Eclipse-BundleShape"));
        Element root = feature.getDocumentElement();
        assertEquals(version, root.getAttribute("version"), "feature and plugin versions move together");
        Element knime = (Element) feature.getElementsByTagName("import").item(0);
        assertEquals("org.knime.core", knime.getAttribute("plugin"));
        assertTrue(m.getValue("Require-Bundle").contains("org.knime.core;bundle-version=\"[" + knime.getAttribute("version")
                + ",6.0.0)\""), "feature and MANIFEST require the same KNIME");
        assertEquals("JavaSE-17", m.getValue("Bundle-RequiredExecutionEnvironment"));

        Document category = PluginXml.parse(MODULE.resolve("../org.autoimplant.update/category.xml"));
        Element f = (Element) category.getElementsByTagName("feature").item(0);
        assertEquals(root.getAttribute("id"), f.getAttribute("id"));
        assertEquals(version, f.getAttribute("version"));
        String mavenVersion = pomValue(MODULE.resolve("../pom.xml"), "version");
        assertEquals(version.replace(".qualifier", "-SNAPSHOT"), mavenVersion, "Tycho needs Maven and OSGi versions to match");
    }

    @Test
    void tychoFillsLibsFromTheSamePlaceAsThisBuild() throws Exception {
        Document ours = PluginXml.parse(MODULE.resolve("pom.xml"));
        Document tycho = PluginXml.parse(MODULE.resolve("tycho-pom.xml"));
        assertEquals(libsSource(ours), libsSource(tycho));
        assertEquals("eclipse-plugin", pomValue(MODULE.resolve("tycho-pom.xml"), "packaging"));
        assertEquals(manifest().getValue("Bundle-SymbolicName").split(";")[0],
                pomValue(MODULE.resolve("tycho-pom.xml"), "artifactId"), "Tycho needs artifactId = symbolic name");
        assertEquals(coreJarCopy(ours).replace("${bundle.dir}/libs", "LIBS"),
                coreJarCopy(tycho).replace("${project.basedir}/libs", "LIBS"));
    }

    /** The directory and excludes of the resources copy that fills libs/. */
    private static String libsSource(Document pom) {
        NodeList dirs = pom.getElementsByTagName("directory");
        for (int i = 0; i < dirs.getLength(); i++) {
            Element d = (Element) dirs.item(i);
            if (d.getTextContent().endsWith("org.autoimplant.core/target/lib")) {
                Element resource = (Element) d.getParentNode();
                return d.getTextContent() + " excluding " + resource.getElementsByTagName("exclude").item(0)
                        .getTextContent();
            }
        }
        throw new AssertionError("no copy of org.autoimplant.core/target/lib");
    }

    private static String coreJarCopy(Document pom) {
        Element copy = (Element) pom.getElementsByTagName("copy").item(0);
        return copy.getAttribute("file") + " -> " + copy.getAttribute("tofile");
    }

    private static String pomValue(Path pom, String element) throws Exception {
        NodeList l = PluginXml.parse(pom).getDocumentElement().getChildNodes();
        for (int i = 0; i < l.getLength(); i++) {
            if (l.item(i) instanceof Element e && e.getTagName().equals(element)) {
                return e.getTextContent().strip();
            }
        }
        throw new AssertionError(pom + " has no <" + element + ">");
    }

    private static Attributes manifest() throws Exception {
        try (InputStream in = Files.newInputStream(MODULE.resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in).getMainAttributes();
        }
    }

    private static List<String> entries(String commaList) {
        return Arrays.stream(commaList.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
