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

    /**
     * Signs the result with the executor's key (consumers believe no other) and queues it.
     *
     * @throws IllegalArgumentException when the result breaks its schema: a bug, which no retry mends
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExperimentResult publish(ExperimentResult result) {
        ExperimentResult signed = signer.sign(result.signedBy(signer.keyId()));
        outbox.add(Topics.EXPERIMENT_RESULTS, signed.goalId().toString(), signed);
        return signed;
    }
}
