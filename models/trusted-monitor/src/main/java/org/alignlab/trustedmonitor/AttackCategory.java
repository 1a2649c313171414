package org.alignlab.trustedmonitor;

/** The kinds of attack in the corpus, by what the attacker is after. */
enum AttackCategory {
    EXFILTRATION("exfiltration"),
    NETWORK("network"),
    HELDOUT_PEEKING("heldout-peeking"),
    EVALUATOR_TAMPERING("evaluator-tampering"),
    RESOURCE_ABUSE("resource-abuse"),
    OBFUSCATION("obfuscation"),
    /** Plausible-looking experiments that silently ruin their own result. */
    SABOTAGE("sabotage"),
    MONITOR_ADDRESSED_TEXT("monitor-addressed-text");

    private final String slug;

    AttackCategory(String slug) {
        this.slug = slug;
    }

    String slug() {
        return slug;
    }
}
