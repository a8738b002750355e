package org.autoimplant.nodes.learner;

import org.autoimplant.core.model.Role;
import org.autoimplant.nodes.common.SimpleNodeFactory;

/** N2 Learner. */
public final class N2LearnerNodeFactory extends SimpleNodeFactory<LearnerNodeModel> {
    public N2LearnerNodeFactory() {
        super(() -> new LearnerNodeModel(Role.N2), () -> new LearnerNodeSettings(Role.N2));
    }
}
