package org.alignlab.contracts.audit;

import java.security.PublicKey;
import java.util.Map;
import java.util.Objects;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.crypto.TicketVerifier;

/**
 * Who must have signed an audit record. The monitor signs every record it appends, over the record's whole content
 * and its place in the chain ({@link ChainEntry#signedBytes()}); a record another service reported must also carry
 * that service's signature of its payload hash, checked for each actor whose key is given. Hashes alone can be
 * recomputed by whoever can write the database; these signatures take a key the database never holds.
 */
public final class RecordSignatures {

    private final TicketVerifier monitor;
    private final Map<String, PublicKey> originKeys;

    /**
     * @param monitor    the monitor's public key, which every record must be signed with
     * @param originKeys per actor whose records must also carry its own signature (the executor's for execution
     *                   events), that actor's public key
     */
    public RecordSignatures(TicketVerifier monitor, Map<String, PublicKey> originKeys) {
        this.monitor = Objects.requireNonNull(monitor, "audit records are checked with the monitor's public key");
        this.originKeys = Map.copyOf(originKeys);
    }

    /** Why the record is not signed as it must be, or null when it is. */
    public String problem(ChainEntry entry) {
        if (entry.monitorSignature() == null) {
            return "no signature of the monitor: not appended by the monitor";
        }
        if (!monitor.keyId().equals(entry.monitorKeyId())) {
            return "signed by key " + entry.monitorKeyId() + ", not by the monitor's key " + monitor.keyId();
        }
        if (!monitor.verify(entry)) {
            return "the monitor's signature does not verify: forged or altered";
        }
        PublicKey origin = entry.actor() == null ? null : originKeys.get(entry.actor());
        if (origin != null && !OriginSigner.verifies(origin, entry.payloadHash(), entry.originSignature())) {
            return entry.originSignature() == null
                    ? "a record of " + entry.actor() + " without its signature: not reported by " + entry.actor()
                    : "the signature of " + entry.actor() + " does not verify: forged or altered";
        }
        return null;
    }
}
