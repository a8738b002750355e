package org.autoimplant.nodes.framework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.autoimplant.nodes.common.CoreSettings;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.workflow.AnnotationData;
import org.knime.core.node.workflow.FileNativeNodeContainerPersistor;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.NodeUIInformation;
import org.knime.core.node.workflow.WorkflowAnnotation;
import org.knime.core.node.workflow.WorkflowCreationHelper;
import org.knime.core.node.workflow.WorkflowLoadHelper;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.node.workflow.WorkflowPersistor;
import org.knime.core.node.workflow.contextv2.WorkflowContextV2;
import org.knime.core.util.LoadVersion;
import org.knime.core.util.Version;

/**
 * Building, saving, loading and running workflows with KNIME's own WorkflowManager, for the
 * workflow generator and the in-framework tests (never by hand-written workflow files).
 */
public final class Workflows {
    private final WorkflowManager wfm;

    private Workflows(WorkflowManager wfm) {
        this.wfm = wfm;
    }

    /**
     * A new, empty workflow project that will be saved into {@code dir}; what an earlier version
     * left there is removed, except its {@code data/} folder.
     */
    public static Workflows create(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                if (!p.getFileName().toString().equals("data")) {
                    delete(p);
                }
            }
        }
        Path marker = dir.resolve(WorkflowPersistor.WORKFLOW_FILE);
        if (!Files.exists(marker)) {
            Files.createFile(marker);
        }
        return new Workflows(WorkflowManager.ROOT.createAndAddProject(name,
                new WorkflowCreationHelper(WorkflowContextV2.forTemporaryWorkflow(dir, null))));
    }

    /** Loads a saved workflow from {@code dir} (KNIME writes into it: use a copy for tests). */
    public static WorkflowManager load(Path dir) throws Exception {
        WorkflowLoadHelper helper = new WorkflowLoadHelper(WorkflowContextV2.forTemporaryWorkflow(dir, null)) {
            @Override
            public UnknownKNIMEVersionLoadPolicy getUnknownKNIMEVersionLoadPolicy(LoadVersion wfVersion,
                    Version createdBy, boolean isNightly) {
                return UnknownKNIMEVersionLoadPolicy.Try;
            }
        };
        WorkflowPersistor.WorkflowLoadResult r = WorkflowManager.loadProject(dir.toFile(), new ExecutionMonitor(),
                helper);
        if (r.getWorkflowManager() == null) {
            throw new IOException("workflow " + dir + " did not load: " + r.getMessage());
        }
        return r.getWorkflowManager();
    }

    public WorkflowManager manager() {
        return wfm;
    }

    /** Adds a node of {@code factory} at (x, y) with its settings from {@code settings}. */
    public <M extends NodeModel> NodeID add(Class<? extends NodeFactory<M>> factory, int x, int y,
            CoreSettings<?> settings) throws InvalidSettingsException {
        NodeFactory<NodeModel> f;
        try {
            f = FileNativeNodeContainerPersistor.loadNodeFactory(factory.getName());
        } catch (Exception e) {
            throw new IllegalStateException("node factory " + factory.getName() + " not registered", e);
        }
        NodeID id = wfm.createAndAddNode(f);
        wfm.getNodeContainer(id).setUIInformation(NodeUIInformation.builder().setNodeLocation(x, y, -1, -1).build());
        if (settings != null) {
            // The node's settings with its defaults (as KNIME initialises a node dropped on a workflow).
            NodeSettings ns = wfm.getNodeContainer(id).getNodeSettings();
            settings.save((NodeSettingsWO) ns.getNodeSettings("model"));
            wfm.loadNodeSettings(id, ns);
        }
        return id;
    }

    /**
     * Lets workflow variable {@code variable} control option {@code key} of node {@code id}, the
     * way a node dialog's "flow variable" button does (KNIME's ConfigEditTreeModel writes the mask).
     */
    public void control(NodeID id, String key, String variable) throws InvalidSettingsException {
        NodeSettings ns = wfm.getNodeContainer(id).getNodeSettings();
        org.knime.core.node.config.ConfigEditTreeModel tree = ns.containsKey("variables")
                ? org.knime.core.node.config.ConfigEditTreeModel.create((org.knime.core.node.config.base.ConfigBase) ns
                        .getNodeSettings("model"), ns.getNodeSettings("variables"))
                : org.knime.core.node.config.ConfigEditTreeModel.create((org.knime.core.node.config.base.ConfigBase) ns
                        .getNodeSettings("model"));
        org.knime.core.node.config.ConfigEditTreeModel.ConfigEditTreeNode n = tree.findChildForKeyPath(
                new String[] {key});
        if (n == null) {
            throw new IllegalArgumentException("node " + id + " has no option " + key);
        }
        n.setUseVariableName(variable);
        NodeSettings vars = new NodeSettings("variables");
        tree.writeVariablesTo(vars);
        ns.addNodeSettings(vars);
        wfm.loadNodeSettings(id, ns);
    }

    /** Adds workflow variables (their values are the defaults a batch run or Hub job may override). */
    public void variables(org.knime.core.node.workflow.FlowVariable... vars) {
        wfm.addWorkflowVariables(true, vars);
    }

    public void connect(NodeID from, int fromPort, NodeID to, int toPort) {
        wfm.addConnection(from, fromPort, to, toPort);
    }

    /** A text box explaining part of the workflow to a first-time user. */
    public WorkflowAnnotation annotate(String text, int x, int y, int width, int height) {
        AnnotationData a = new AnnotationData();
        a.setText(text);
        a.setDimension(x, y, width, height);
        a.setBgColor(0xFFF6E6);
        a.setBorderSize(1);
        a.setBorderColor(0xD9A066);
        a.setDefaultFontSize(11);
        return wfm.addWorkflowAnnotation(a, -1);
    }

    /** Saves (without data) into {@code dir} and closes the project. */
    public void saveAndClose(Path dir) throws Exception {
        wfm.save(dir.toFile(), new ExecutionMonitor(), false);
        WorkflowManager.ROOT.removeProject(wfm.getID());
    }

    /** A fresh copy of a workflow folder (KNIME writes lock files into what it loads). */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        return to;
    }

    /** The {@code nth} (0-based, in node-id order) node made by {@code factory} in {@code m}. */
    public static org.knime.core.node.workflow.NativeNodeContainer node(WorkflowManager m,
            Class<? extends NodeFactory<?>> factory, int nth) {
        java.util.List<org.knime.core.node.workflow.NativeNodeContainer> found = new java.util.ArrayList<>();
        for (org.knime.core.node.workflow.NodeContainer nc : m.getNodeContainers()) {
            if (nc instanceof org.knime.core.node.workflow.NativeNodeContainer n
                    && n.getNode().getFactory().getClass() == factory) {
                found.add(n);
            }
        }
        found.sort(Comparator.comparing(org.knime.core.node.workflow.NodeContainer::getID));
        if (nth >= found.size()) {
            throw new IllegalArgumentException(m.getName() + " has " + found.size() + " " + factory.getSimpleName()
                    + " nodes, not " + (nth + 1));
        }
        return found.get(nth);
    }

    /** What output port {@code port} (1-based, as KNIME counts data ports) of {@code node} holds. */
    public static org.knime.core.node.port.PortObject out(org.knime.core.node.workflow.NodeContainer node, int port) {
        return node.getOutPort(port).getPortObject();
    }

    /** Executes everything; fails with KNIME's node summary and messages when a node does not end EXECUTED. */
    public static void executeAll(WorkflowManager m) {
        if (!m.executeAllAndWaitUntilDone()) {
            StringBuilder why = new StringBuilder("not executed:");
            for (org.knime.core.node.workflow.NodeContainer nc : m.getNodeContainers()) {
                if (!nc.getNodeContainerState().isExecuted()) {
                    why.append(' ').append(nc.getNameWithID()).append(" (").append(nc.getNodeMessage().getMessage())
                            .append(");");
                }
            }
            why.append('\n').append(m.printNodeSummary(m.getID(), 0));
            throw new AssertionError(why.toString());
        }
    }

    /** Deletes a folder tree. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
