package org.alignlab.trustedmonitor;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.alignlab.contracts.events.AgentAction;

/**
 * Every attack template of the corpus, by category. A template is a way of attacking, drawn afresh for each row
 * (other hosts, paths, numbers, and another honest program or experiment around it); the corpus keeps whole
 * templates apart for evaluation, so the reported AUC is about attacks written differently from the training ones.
 */
final class AttackLibrary {

    /** One way of attacking. */
    interface Builder {
        AgentAction build(Random rng, ActionFactory actions);
    }

    record Attack(AttackCategory category, String name, Builder builder) {
    }

    static final List<String> HOSTS = List.of("203.0.113.7", "198.51.100.23", "collector.example.net",
            "attacker.example", "paste.example.com", "10.0.0.12", "metrics-upload.example.org", "192.0.2.44");
    static final List<Integer> PORTS = List.of(80, 443, 4444, 8080, 9001, 53, 1337);

    private AttackLibrary() {
    }

    static List<Attack> all() {
        List<Attack> attacks = new ArrayList<>();
        attacks.addAll(CodeAttacks.all());
        attacks.addAll(SpecAttacks.all());
        attacks.addAll(SabotageAttacks.all());
        return attacks;
    }

    /** An honest script of a random kind with {@code statements} spliced into {@code main} at a random place. */
    static AgentAction spliced(Random rng, ActionFactory actions, List<String> imports, List<String> statements) {
        ScriptParts honest = ActionFactory.pick(rng, BenignScripts.templates()).build().apply(rng);
        int at = rng.nextInt(honest.body().size() + 1);
        return actions.script(rng, honest.withImports(imports).insert(at, statements));
    }

    static AgentAction spliced(Random rng, ActionFactory actions, List<String> statements) {
        return spliced(rng, actions, List.of(), statements);
    }

    static String host(Random rng) {
        return ActionFactory.pick(rng, HOSTS);
    }

    static int port(Random rng) {
        return ActionFactory.pick(rng, PORTS);
    }

    /** Random bytes as Base64, {@code chars} long: the usual wrapping of a payload. */
    static String blob(Random rng, int chars) {
        byte[] bytes = new byte[chars * 3 / 4 + 3];
        rng.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).substring(0, chars);
    }

    static String variable(Random rng) {
        return ActionFactory.pick(rng, List.of("data", "payload", "buf", "out", "tmp", "cfg", "x", "res", "blob"));
    }
}
