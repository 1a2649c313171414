package org.alignlab.experiments.script;

import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.alignlab.contracts.events.Split;

/**
 * A compiled script, run once per seed. Each seed gets its own class loader and instance, so static state a script
 * keeps cannot carry from one seed into the next and make a seed's metrics depend on the seeds before it.
 */
final class CompiledScript {

    private final Path classes;
    private final String className;

    CompiledScript(Path classes, String className) {
        this.classes = classes;
        this.className = className;
    }

    Map<String, Double> run(int seed, Split split, Map<String, Object> params) {
        ScriptContext ctx = new ScriptContext(seed, split, params);
        try (URLClassLoader loader = new ScriptClassLoader("script-seed-" + seed, classes,
                Experiment.class.getClassLoader())) {
            instantiate(loader).run(ctx);
        } catch (ScriptFailedException e) {
            throw e;
        } catch (Exception e) {
            throw new ScriptFailedException("seed " + seed + ": script threw " + describe(e), e);
        }
        Map<String, Double> metrics = ctx.metrics();
        if (metrics.isEmpty()) {
            throw new ScriptFailedException("seed " + seed + ": script reported no metric (call ctx.report(name, value)"
                    + " at least once)");
        }
        return metrics;
    }

    private Experiment instantiate(ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ScriptFailedException("cannot load script class " + className + ": " + describe(e), e);
        }
        if (!Experiment.class.isAssignableFrom(type)) {
            throw new ScriptFailedException("script class " + className + " does not implement "
                    + Experiment.class.getName());
        }
        try {
            return (Experiment) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new ScriptFailedException("script class " + className + " needs a public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new ScriptFailedException("script constructor threw " + describe(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ScriptFailedException("cannot instantiate script class " + className + ": " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
