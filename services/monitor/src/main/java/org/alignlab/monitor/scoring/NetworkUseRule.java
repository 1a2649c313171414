package org.alignlab.monitor.scoring;

import java.util.List;
import java.util.regex.Pattern;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;

/**
 * {@code network-use}: sockets, URLs, HTTP clients and DNS look-ups in the script's code (comments are not
 * code) or in any param string. The sandbox has no network, so an experiment that needs one is either broken or
 * trying to get out; either way it must not run. Matches API names and URL schemes, never the bare word
 * "network", so a hypothesis about neural networks is not network use.
 */
final class NetworkUseRule implements Rule {

    static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\bjava\\s*\\.\\s*net\\b"),
            Pattern.compile("\\b(?:Server|Datagram|Multicast|SSL)?Socket(?:Channel|Factory|Address)?\\b"),
            Pattern.compile("\\bDatagramChannel\\b"),
            Pattern.compile("\\b(?:Http)?URL(?:Connection|ClassLoader|StreamHandler)?\\b"),
            Pattern.compile("\\bHttp(?:s)?(?:Client|Request|Server|Exchange)\\b"),
            Pattern.compile("\\bInet(?:4|6|Socket)?Address\\b"),
            Pattern.compile("\\bNetworkInterface\\b"),
            Pattern.compile("\\bopenConnection\\s*\\("),
            Pattern.compile("\\bgetAllByName\\s*\\(|\\bgetByName\\s*\\("),
            Pattern.compile("(?i)\\b(?:https?|ftp|wss?|ldap|jdbc:[a-z0-9]+):/{1,2}"));

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        return new Findings().scan(ActionText.of(action).code(), PATTERNS).hit(RuleDefinition.NETWORK_USE);
    }
}
