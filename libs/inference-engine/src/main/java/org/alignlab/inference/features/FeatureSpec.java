package org.alignlab.inference.features;

/**
 * How text becomes a feature vector; written into a model's metadata so serving featurises exactly as training did.
 *
 * @param kind           the featuriser's version: a change to {@link TextFeaturiser} that moves any vector gets a new
 *                       kind, and a model trained on another kind refuses to load
 * @param dimension      length of the vector (the hashing space)
 * @param maxWordNgram   word n-grams of 1 up to this many words
 * @param minCharNgram   shortest character n-gram of prose
 * @param maxCharNgram   longest character n-gram of prose
 */
public record FeatureSpec(String kind, int dimension, int maxWordNgram, int minCharNgram, int maxCharNgram) {

    /** The only kind {@link TextFeaturiser} implements. */
    public static final String HASHED_NGRAMS_V1 = "hashed-ngrams-v1";

    public FeatureSpec {
        if (!HASHED_NGRAMS_V1.equals(kind)) {
            throw new IllegalArgumentException("unknown featuriser kind " + kind + "; this build knows "
                    + HASHED_NGRAMS_V1);
        }
        if (dimension < 16 || maxWordNgram < 1 || minCharNgram < 1 || maxCharNgram < minCharNgram) {
            throw new IllegalArgumentException("invalid feature spec " + dimension + "/" + maxWordNgram + "/"
                    + minCharNgram + "/" + maxCharNgram);
        }
    }

    /** What the shipped trusted monitor uses: 4096 hashed dimensions, word 1–2-grams, character 3–5-grams. */
    public static FeatureSpec standard() {
        return new FeatureSpec(HASHED_NGRAMS_V1, 4096, 2, 3, 5);
    }
}
