package org.autoimplant.nodes.learner;

import org.autoimplant.core.model.Role;
import org.autoimplant.nodes.common.SimpleNodeFactory;

/** Shape Completion Learner. */
public final class CompletionLearnerNodeFactory extends SimpleNodeFactory<LearnerNodeModel> {
    public CompletionLearnerNodeFactory() {
        super(() -> new LearnerNodeModel(Role.COMPLETION), () -> new LearnerNodeSettings(Role.COMPLETION));
    }
}
