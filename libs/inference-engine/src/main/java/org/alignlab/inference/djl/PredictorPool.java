package org.alignlab.inference.djl;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.alignlab.inference.engine.ModelBusyException;

/**
 * At most {@code size} predictors of one model, made on first need and reused: a DJL {@link Predictor} is not
 * thread-safe, so each call borrows one for itself. A caller that finds all of them busy waits up to {@code wait},
 * then gets {@link ModelBusyException} instead of queueing without bound. {@link #close()} closes every predictor.
 */
final class PredictorPool<I, O> implements AutoCloseable {

    private final Model model;
    private final Translator<I, O> translator;
    private final int size;
    private final Duration wait;
    private final BlockingQueue<Predictor<I, O>> idle;
    private final List<Predictor<I, O>> all = new ArrayList<>();
    private boolean closed;

    PredictorPool(Model model, Translator<I, O> translator, int size, Duration wait) {
        if (size < 1) {
            throw new IllegalArgumentException("a predictor pool needs at least one predictor, got " + size);
        }
        this.model = model;
        this.translator = translator;
        this.size = size;
        this.wait = wait;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    O predict(I input) throws TranslateException {
        Predictor<I, O> predictor = borrow();
        try {
            return predictor.predict(input);
        } finally {
            idle.add(predictor);
        }
    }

    /** Predictors made so far (at most the pool's size). */
    synchronized int created() {
        return all.size();
    }

    /** Predictors made and not lent out: equal to {@link #created()} whenever no prediction is running. */
    int idle() {
        return idle.size();
    }

    private Predictor<I, O> borrow() {
        Predictor<I, O> predictor = idle.poll();
        if (predictor != null) {
            return predictor;
        }
        predictor = createIfRoom();
        if (predictor != null) {
            return predictor;
        }
        try {
            predictor = idle.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            predictor = null;
        }
        if (predictor == null) {
            throw new ModelBusyException(model.getName());
        }
        return predictor;
    }

    private synchronized Predictor<I, O> createIfRoom() {
        if (closed) {
            throw new IllegalStateException("model " + model.getName() + " is closed");
        }
        if (all.size() >= size) {
            return null;
        }
        Predictor<I, O> predictor = model.newPredictor(translator);
        all.add(predictor);
        return predictor;
    }

    @Override
    public synchronized void close() {
        closed = true;
        all.forEach(Predictor::close);
        all.clear();
        idle.clear();
    }
}
