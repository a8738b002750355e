package org.autoimplant.core.nodecore.design;

import org.autoimplant.core.data.SkullExtractor;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.pipeline.CompletionPredictor;
import org.autoimplant.core.pipeline.TwoStepPredictor;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;

/**
 * The Implant Designer node in one step: from a defective skull (or a CT, whose skull is extracted
 * first) to the implant, by the two-step direct method (N1 + N2) or by skull-shape completion.
 */
public final class ImplantDesign {
    /** How the implant is made. */
    public enum Mode {
        /** N1 coarse implant → crop → N2 fine implant (the paper's direct method). */
        DIRECT,
        /** The completion network's skull minus the defective skull (fills defects anywhere). */
        COMPLETION
    }

    /**
     * @param ctInput the input is a CT in Hounsfield units: extract the skull at {@code threshold} first
     * @param largestComponent keep only the largest connected part of the implant
     */
    public record Settings(Mode mode, boolean ctInput, double threshold, boolean largestComponent) {
        public static Settings defaults() {
            return new Settings(Mode.DIRECT, false, SkullExtractor.DEFAULT_THRESHOLD_HU, false);
        }

        public void validate() throws NodeSettingsException {
            NodeSettingsException.require(mode != null, "Choose how to design the implant: direct or completion");
            NodeSettingsException.require(Double.isFinite(threshold), "The bone threshold must be a number");
        }
    }

    /** The networks a design needs: N1 and N2 (direct) or completion; the others may be null. */
    public record Models(ModelFile.Loaded n1, ModelFile.Loaded n2, ModelFile.Loaded completion) {
    }

    /** Ready to design implant after implant with the same networks. */
    public static final class Designer {
        private final Settings settings;
        private final TwoStepPredictor direct;
        private final CompletionPredictor completion;

        public Designer(Settings s, Models m) throws NodeSettingsException {
            s.validate();
            settings = s;
            if (s.mode() == Mode.DIRECT) {
                NodeSettingsException.require(m.n1() != null && m.n2() != null,
                        "Direct design needs an N1 and an N2 model");
                direct = new TwoStepPredictor(m.n1(), m.n2());
                completion = null;
            } else {
                NodeSettingsException.require(m.completion() != null, "Completion needs a skull-completion model");
                completion = new CompletionPredictor(m.completion());
                direct = null;
            }
        }

        /** A warning when {@code defective}'s spacing lies far from the first network's training data, else null. */
        public String spacingWarning(String name, Mask defective) {
            return direct != null ? direct.spacingWarning(name, defective) : completion.spacingWarning(name, defective);
        }

        /** The implant for {@code defective} (a skull mask). */
        public TwoStepPredictor.Result design(Mask defective, Progress progress) {
            return direct != null ? direct.predict(defective, settings.largestComponent(), progress)
                    : completion.predict(defective, settings.largestComponent(), progress);
        }
    }

    private ImplantDesign() {
    }
}
