package org.alignlab.ideation.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.alignlab.ideation.config.IdeationConfig;
import org.alignlab.ideation.llm.ChatClient;
import org.alignlab.ideation.llm.LlmPolicy;
import org.alignlab.ideation.search.SearchPolicy;
import org.alignlab.ideation.space.SearchSpaces;
import org.jboss.logging.Logger;

/** The LLM policy when an endpoint is configured ({@code alignlab.ideation.llm.url}), the search policy otherwise. */
@ApplicationScoped
public class PolicyProducer {

    private static final Logger LOG = Logger.getLogger(PolicyProducer.class);

    @Produces
    @ApplicationScoped
    IdeaPolicy policy(IdeationConfig config, SearchSpaces spaces) {
        SearchPolicy search = new SearchPolicy(spaces, config);
        IdeationConfig.Llm llm = config.llm();
        if (llm.url().isEmpty()) {
            LOG.info("idea policy: search (no alignlab.ideation.llm.url configured)");
            return search;
        }
        LOG.infof("idea policy: LLM %s at %s, with the search policy for invalid or missing proposals",
                llm.model(), llm.url().get());
        return new LlmPolicy(new ChatClient(llm.url().get(), llm.apiKey(), llm.model(), llm.timeout()), llm.model(),
                spaces, search);
    }
}
