package org.alignlab.executor.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.platform.outbox.Outbox;

/**
 * The only publisher to {@code experiment.results}, keyed by goal id: through the outbox, in the transaction that
 * stores the result, because the run cannot be repeated to get it back.
 */
@ApplicationScoped
public class ResultPublisher {

    @Inject
    Outbox outbox;
    @Inject
    OriginSigner signer;

    /** The result under the executor's key, which its consumers believe alone: what is stored and published. */
    public ExperimentResult sign(ExperimentResult result) {
        return signer.sign(result.signedBy(signer.keyId()));
    }

    /**
     * Queues a result {@link #sign signed} before.
     *
     * @throws IllegalArgumentException when it is unsigned or breaks its schema: a bug, which no retry mends
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(ExperimentResult signed) {
        if (signed.signature() == null) {
            throw new IllegalArgumentException("an unsigned result of action " + signed.actionId());
        }
        outbox.add(Topics.EXPERIMENT_RESULTS, signed.goalId().toString(), signed);
    }
}
