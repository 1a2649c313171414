package org.alignlab.experiments.overopt;

import java.util.Random;

/**
 * Responses drawn from the base policy N(0, I) with their gold rewards: {@code prompts} independent groups of
 * {@code perPrompt} candidates each, stored row after row (candidate j of prompt p is row p·perPrompt + j).
 */
record Candidates(float[][] responses, double[] gold, int prompts, int perPrompt) {

    static Candidates draw(Random rng, GoldReward reward, int prompts, int perPrompt) {
        int rows = prompts * perPrompt;
        float[][] responses = new float[rows][reward.dims()];
        double[] gold = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < reward.dims(); i++) {
                responses[r][i] = (float) rng.nextGaussian();
            }
            gold[r] = reward.of(responses[r]);
        }
        return new Candidates(responses, gold, prompts, perPrompt);
    }
}
