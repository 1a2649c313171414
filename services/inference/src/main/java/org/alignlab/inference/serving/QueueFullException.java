package org.alignlab.inference.serving;

/** A model's queue is full: the request is refused at once (503 with Retry-After) rather than queued without bound. */
public class QueueFullException extends RuntimeException {

    public QueueFullException(String model, int capacity) {
        super("the queue of model " + model + " is full (" + capacity + " requests waiting)");
    }
}
