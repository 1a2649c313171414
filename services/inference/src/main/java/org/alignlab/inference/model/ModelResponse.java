package org.alignlab.inference.model;

import java.util.List;

/** One model folder: its name and its files, relative to the folder. */
public record ModelResponse(String name, List<String> files) {
}
