package org.autoimplant.core.model;

import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.volume.Shape;

/**
 * What a model file says about its network besides the weights: role, input size, width factor,
 * crop margin (N2), training progress and provenance. Stored as JSON entry
 * {@value ModelFile#METADATA_ENTRY} in the model zip. Mutable bean for JSON binding.
 */
public final class ModelMetadata {
    private String role;
    private int[] input;
    private double width;
    private int margin;
    private long steps;
    private long seed;
    private double learningRate;
    private double beta1;
    private String dataFingerprint;
    private String projectVersion;
    private String n2Crops;
    private List<Double> losses = new ArrayList<>();
    /** {inPlaneMin, inPlaneMax, sliceMin, sliceMax} mm of the training volumes; null in older files. */
    private double[] trainingSpacing;
    /** Training cases (volumes, before augmentation); 0 in older files. */
    private int trainingCases;
    /** Wall-clock seconds of all training sessions together; 0 when not recorded (older files). */
    private double trainingSeconds;
    private String normalisation;

    public ModelMetadata() {
    }

    public static ModelMetadata of(NetworkSpec spec, int margin, String fingerprint, String version) {
        ModelMetadata m = new ModelMetadata();
        m.role = spec.role().id();
        m.input = new int[] {spec.input().nx(), spec.input().ny(), spec.input().nz()};
        m.width = spec.width();
        m.margin = margin;
        m.seed = spec.seed();
        m.learningRate = spec.learningRate();
        m.beta1 = spec.beta1();
        m.dataFingerprint = fingerprint;
        m.projectVersion = version;
        return m;
    }

    public Role role() {
        return Role.parse(role);
    }

    public Shape inputShape() {
        return new Shape(input[0], input[1], input[2]);
    }

    public NetworkSpec spec() {
        return new NetworkSpec(role(), inputShape(), width, seed, learningRate, beta1, 0);
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public int[] getInput() {
        return input;
    }

    public void setInput(int[] input) {
        this.input = input;
    }

    public double getWidth() {
        return width;
    }

    public void setWidth(double width) {
        this.width = width;
    }

    public int getMargin() {
        return margin;
    }

    public void setMargin(int margin) {
        this.margin = margin;
    }

    public long getSteps() {
        return steps;
    }

    public void setSteps(long steps) {
        this.steps = steps;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    public double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public double getBeta1() {
        return beta1;
    }

    public void setBeta1(double beta1) {
        this.beta1 = beta1;
    }

    public String getDataFingerprint() {
        return dataFingerprint;
    }

    public void setDataFingerprint(String dataFingerprint) {
        this.dataFingerprint = dataFingerprint;
    }

    public String getProjectVersion() {
        return projectVersion;
    }

    public void setProjectVersion(String projectVersion) {
        this.projectVersion = projectVersion;
    }

    /** For N2: "n1" when trained on crops from N1's predictions, "truth" for jittered true boxes. */
    public String getN2Crops() {
        return n2Crops;
    }

    public void setN2Crops(String n2Crops) {
        this.n2Crops = n2Crops;
    }

    /** Training loss of every step so far (for loss curves). */
    public List<Double> getLosses() {
        return losses;
    }

    public void setLosses(List<Double> losses) {
        this.losses = losses;
    }

    public double[] getTrainingSpacing() {
        return trainingSpacing;
    }

    public void setTrainingSpacing(double[] trainingSpacing) {
        this.trainingSpacing = trainingSpacing;
    }

    /** The spacings the model was trained on, or null when its file does not say. */
    public org.autoimplant.core.volume.SpacingRange trainingSpacingRange() {
        return org.autoimplant.core.volume.SpacingRange.of(trainingSpacing);
    }

    public int getTrainingCases() {
        return trainingCases;
    }

    public void setTrainingCases(int trainingCases) {
        this.trainingCases = trainingCases;
    }

    public double getTrainingSeconds() {
        return trainingSeconds;
    }

    public void setTrainingSeconds(double trainingSeconds) {
        this.trainingSeconds = trainingSeconds;
    }

    /** How batch norm normalises at prediction ("running" or "case"; absent in older files: running). */
    public String getNormalisation() {
        return normalisation;
    }

    public void setNormalisation(String normalisation) {
        this.normalisation = normalisation;
    }

    /** {@link #getNormalisation()} as the enum. */
    public Normalisation normalisation() {
        return Normalisation.parse(normalisation);
    }
}
