package org.alignlab.experiments.script;

/** The script did not compile, could not be loaded, threw, or reported nothing. The runner reports a failed run. */
public class ScriptFailedException extends RuntimeException {

    public ScriptFailedException(String message) {
        super(message);
    }

    public ScriptFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
