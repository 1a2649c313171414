package org.alignlab.contracts.audit;

/**
 * The outcome of walking a chain.
 *
 * @param records     how many records the chain holds
 * @param headSeq     seq of the last record (0 for an empty chain)
 * @param headHash    hash of the last record (the genesis hash for an empty chain)
 * @param firstBroken the first record that fails a check, or null when every record checks out
 */
public record ChainVerification(String chain, boolean verified, long records, long headSeq, String headHash,
        BrokenLink firstBroken) {

    /** Which record broke the chain and why. */
    public record BrokenLink(long seq, String reason) {
    }
}
