package org.alignlab.experiments.script;

import java.nio.file.Path;
import java.util.Map;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.Split;
import org.alignlab.experiments.ExperimentFamily;
import org.alignlab.experiments.InvalidParamsException;

/**
 * The {@code script} family: {@code spec.script} is the Java source of one public class implementing
 * {@link Experiment}; {@code spec.params} are free-form String or Number values it reads through its
 * {@link ScriptContext}. The source is compiled once per run, and run once per seed.
 */
public final class ScriptFamily implements ExperimentFamily {

    public static final String NAME = "script";

    private final ScriptCompiler compiler;

    /** @param workDir where compiled classes go; in the sandbox, its tmpfs work dir */
    public ScriptFamily(Path workDir) {
        this.compiler = new ScriptCompiler(workDir);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SeedRun prepare(ExperimentSpec spec) {
        Map<String, Object> params = checkedParams(spec.params());
        ScriptSource source = ScriptSource.parse(spec.script());
        CompiledScript script = new CompiledScript(compiler.compile(source), source.className());
        return seed -> script.run(seed, spec.split(), params);
    }

    /** A script's params are its own: strings and numbers, passed to it as they are. */
    @Override
    public Map<String, Object> readParams(Map<String, Object> params) {
        return checkedParams(params);
    }

    /** A script needs its source, which only the whole spec carries: {@link #prepare} is the way in. */
    @Override
    public Map<String, Double> run(Map<String, Object> params, int seed, Split split) {
        throw new UnsupportedOperationException("family script runs from a spec with its source; use prepare(spec)");
    }

    private static Map<String, Object> checkedParams(Map<String, Object> params) {
        Map<String, Object> checked = params == null ? Map.of() : params;
        checked.forEach((name, value) -> {
            if (!(value instanceof String) && !(value instanceof Number)) {
                throw new InvalidParamsException("script param " + name + " must be a string or a number, got "
                        + (value == null ? "null" : value.getClass().getSimpleName()));
            }
        });
        return checked;
    }
}
