package org.alignlab.contracts.audit;

/** An audit record as stored: its hashed content and the hash it claims. */
public record ChainLink(ChainEntry entry, String hash) {
}
