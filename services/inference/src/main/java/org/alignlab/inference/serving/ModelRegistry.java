package org.alignlab.inference.serving;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.alignlab.inference.config.InferenceConfig;
import org.alignlab.inference.engine.ModelEngine;
import org.alignlab.inference.engine.ModelFolder;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.model.ModelStore;
import org.jboss.logging.Logger;

/**
 * The served models of the model store (text classifiers and TorchScript models), loaded once, in the background,
 * when the service starts: the HTTP server answers meanwhile (503 for predictions, readiness DOWN) instead of
 * holding the port closed. A model copied into the store later is listed by {@code /v1/models} but served only after
 * a restart.
 */
@ApplicationScoped
public class ModelRegistry {

    /** One folder that declared a served model: loaded, or the reason it is not. */
    public record Entry(String name, ServedModel model, String error) {

        public boolean loaded() {
            return model != null;
        }
    }

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final ModelStore store;
    private final ModelLoader loader;
    private final Set<String> required;
    /** Null until loading has finished; then never changes. */
    private volatile Map<String, Entry> entries;
    private boolean closed;

    @Inject
    public ModelRegistry(ModelStore store, ModelEngine engine, RunnerFactory runners, InferenceConfig config) {
        this(store, engine, runners, config.requiredModels());
    }

    public ModelRegistry(ModelStore store, ModelEngine engine, RunnerFactory runners, Set<String> required) {
        this.store = store;
        this.loader = new ModelLoader(engine, runners);
        this.required = new TreeSet<>(required);
    }

    void onStart(@Observes StartupEvent event) {
        Thread thread = new Thread(this::loadAll, "model-loader");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    /**
     * Loads every served model in the store; a folder that fails is kept with its error, never skipped, and so is a
     * required model that the store lacks.
     */
    synchronized void loadAll() {
        if (closed || entries != null) {
            return;
        }
        Map<String, Entry> loaded = new LinkedHashMap<>();
        for (Path folder : folders()) {
            String name = folder.getFileName().toString();
            try {
                Optional<ModelMetadata> metadata = ModelFolder.servedMetadata(folder);
                if (metadata.isPresent()) {
                    ServedModel model = loader.load(folder, metadata.get());
                    loaded.put(name, new Entry(name, model, null));
                    LOG.infof("model %s version %s (%s) loaded from %s", name, model.version(), metadata.get().task(),
                            folder);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "model %s cannot be served", name);
                loaded.put(name, new Entry(name, null, e.getMessage()));
            }
        }
        for (String name : required) {
            if (!loaded.containsKey(name)) {
                LOG.errorf("required model %s is not a served model in %s", name, store.root());
                loaded.put(name, new Entry(name, null, "not in the model store"));
            }
        }
        entries = Collections.unmodifiableMap(loaded);
    }

    private List<Path> folders() {
        if (!store.readable()) {
            LOG.errorf("model store %s is not a readable directory: no model is served", store.root());
            return List.of();
        }
        try (Stream<Path> paths = Files.list(store.root())) {
            return paths.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            LOG.errorf(e, "cannot list model store %s: no model is served", store.root());
            return List.of();
        }
    }

    /** The served models and their state; empty while loading is still under way. */
    public Optional<Map<String, Entry>> entries() {
        return Optional.ofNullable(entries);
    }

    /**
     * The loaded model called {@code name}.
     *
     * @throws ModelNotLoadedException while loading is under way, or when the model failed to load or is required
     *                                 but missing
     * @throws UnknownModelException   when the store declared no served model of that name at start
     */
    public ServedModel model(String name) {
        Map<String, Entry> current = entries;
        if (current == null) {
            throw new ModelNotLoadedException(name, "models are still loading");
        }
        Entry entry = current.get(name);
        if (entry == null) {
            throw new UnknownModelException(name);
        }
        if (!entry.loaded()) {
            throw new ModelNotLoadedException(name, "it failed to load; the service log says why");
        }
        return entry.model();
    }

    synchronized void close() {
        closed = true;
        if (entries != null) {
            entries.values().stream().filter(Entry::loaded).forEach(entry -> entry.model().close());
        }
    }
}
