package org.alignlab.monitor.controleval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UpfrontAuditingGameTest {

    private final UpfrontAuditingGame paper = new UpfrontAuditingGame(UpfrontAuditingGame.PAPER_PROBLEMS, 0.02,
            UpfrontAuditingGame.PAPER_ATTACK_SUCCESS);

    /**
     * The AI Control paper reports 15 % blue-team wins for upfront auditing at a 2 % audit budget. The game as
     * modelled gives 15.2 % (closed form 0.1519 for unboundedly many problems; 0.1520 for 5000): ±0.01 admits the
     * paper's rounding to whole percent and nothing looser — 0.14 or 0.16 would mean a different game.
     */
    @Test
    void anAuditedFractionOfTwoPercentAndAttackSuccessOf053GiveBlueAboutFifteenPercent() {
        UpfrontAuditingGame.Optimum optimum = paper.redOptimum();

        assertThat(optimum.blueWinProbability()).isCloseTo(0.15, within(0.01));
        assertThat(paper.limitingBlueWinProbability()).isCloseTo(0.15, within(0.01));
        // 5000 problems are already close to the limit: the two derivations agree to the third decimal.
        assertThat(optimum.blueWinProbability()).isCloseTo(paper.limitingBlueWinProbability(), within(1e-3));
        // Red attacks rarely: about 6 of the 5000 problems, one in ~790.
        assertThat(optimum.attackRate() * UpfrontAuditingGame.PAPER_PROBLEMS).isBetween(5.0, 8.0);
    }

    @Test
    void redsOptimumIsAMinimumOfBluesChanceOverTheAttackRate() {
        UpfrontAuditingGame.Optimum optimum = paper.redOptimum();

        for (double factor : new double[] {0.25, 0.5, 0.9, 1.1, 2, 4}) {
            assertThat(paper.blueWinProbability(optimum.attackRate() * factor))
                    .isGreaterThan(optimum.blueWinProbability());
        }
        assertThat(paper.blueWinProbability(1.0)).isEqualTo(1.0);
        assertThat(paper.blueWinProbability(1e-9)).isCloseTo(1.0, within(1e-5));
    }

    /**
     * Monte Carlo with a fixed seed agrees with the exact formula. 40 000 games give a standard error of
     * sqrt(0.15 · 0.85 / 40000) ≈ 0.0018; ±0.008 is over four of them, so the check fails only on a wrong game.
     */
    @Test
    void simulatedGamesAgreeWithTheExactProbability() {
        UpfrontAuditingGame.Optimum optimum = paper.redOptimum();

        double simulated = paper.simulateBlueWins(optimum.attackRate(), 40_000, 20231212L);

        assertThat(simulated).isCloseTo(optimum.blueWinProbability(), within(0.008));
        assertThat(paper.simulateBlueWins(optimum.attackRate(), 1000, 7L))
                .isEqualTo(paper.simulateBlueWins(optimum.attackRate(), 1000, 7L));
        double frequentAttacks = paper.simulateBlueWins(0.05, 20_000, 1L);
        assertThat(frequentAttacks).isCloseTo(paper.blueWinProbability(0.05), within(0.008));
    }

    @Test
    void auditingEverythingAlwaysWinsAndAuditingNothingLosesToAPatientRedTeam() {
        assertThat(new UpfrontAuditingGame(1000, 1.0, 0.53).redOptimum().blueWinProbability()).isEqualTo(1.0);
        assertThat(new UpfrontAuditingGame(1000, 0.0, 0.53).redOptimum().blueWinProbability())
                .isCloseTo(0.0, within(1e-6));
        // More auditing never hurts blue.
        assertThat(new UpfrontAuditingGame(5000, 0.05, 0.53).redOptimum().blueWinProbability())
                .isGreaterThan(paper.redOptimum().blueWinProbability());
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new UpfrontAuditingGame(0, 0.02, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpfrontAuditingGame(10, 1.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpfrontAuditingGame(10, 0.02, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> paper.simulateBlueWins(0, 10, 1L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withTheMonitorInPlaceBlueWinsTheShareOfDecisiveAttacksItCatches() {
        assertThat(TrustedMonitoringGame.blueWinProbability(1.0, 0.53)).isEqualTo(1.0);
        assertThat(TrustedMonitoringGame.blueWinProbability(0.0, 0.53)).isEqualTo(0.0);
        // Caught 0.5, lands 0.5 · 0.53 = 0.265: blue decides 0.5 / 0.765 of the decisive attacks.
        assertThat(TrustedMonitoringGame.blueWinProbability(0.5, 0.53)).isCloseTo(0.5 / 0.765, within(1e-12));
        assertThatThrownBy(() -> TrustedMonitoringGame.blueWinProbability(1.2, 0.53))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
