package org.alignlab.inference.djl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/** One feature vector in, the softmax of the network's logits out. */
final class FeatureTranslator implements NoBatchifyTranslator<float[], float[]> {

    @Override
    public NDList processInput(TranslatorContext ctx, float[] features) {
        return new NDList(ctx.getNDManager().create(features, new Shape(1, features.length)));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList output) {
        return output.singletonOrThrow().softmax(-1).toFloatArray();
    }
}
