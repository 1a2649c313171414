package org.alignlab.inference.serving;

import java.util.ArrayList;
import java.util.List;
import org.alignlab.inference.engine.Tensor;

/** Stacking requests along the batch dimension, and cutting a batch's outputs back into per-request answers. */
final class Batches {

    private Batches() {
    }

    /** The requests' inputs stacked, input by input, along the first dimension. */
    static List<Tensor> stack(List<List<Tensor>> requests) {
        if (requests.size() == 1) {
            return requests.get(0);
        }
        List<Tensor> first = requests.get(0);
        List<Tensor> stacked = new ArrayList<>(first.size());
        for (int input = 0; input < first.size(); input++) {
            Tensor template = first.get(input);
            int rows = 0;
            for (List<Tensor> request : requests) {
                rows += request.get(input).rows();
            }
            int rowElements = template.rowElements();
            Object data = template.dtype().allocate(Math.multiplyExact(rows, rowElements));
            int offset = 0;
            for (List<Tensor> request : requests) {
                Tensor part = request.get(input);
                int length = part.rows() * rowElements;
                System.arraycopy(part.data(), 0, data, offset, length);
                offset += length;
            }
            long[] shape = template.shape().clone();
            shape[0] = rows;
            stacked.add(new Tensor(template.name(), template.dtype(), shape, data));
        }
        return stacked;
    }

    /**
     * The batch's outputs cut into one list per request, {@code rows[i]} rows for request {@code i}.
     *
     * @throws IllegalStateException when an output does not have one row per input row
     */
    static List<List<Tensor>> split(List<Tensor> outputs, int[] rows) {
        int total = 0;
        for (int r : rows) {
            total += r;
        }
        for (Tensor output : outputs) {
            if (output.shape().length == 0 || output.shape()[0] != total) {
                throw new IllegalStateException("output " + output + " does not have one row for each of the "
                        + total + " input rows");
            }
        }
        List<List<Tensor>> answers = new ArrayList<>(rows.length);
        if (rows.length == 1) {
            answers.add(outputs);
            return answers;
        }
        int[] offsets = new int[outputs.size()];
        for (int request = 0; request < rows.length; request++) {
            List<Tensor> answer = new ArrayList<>(outputs.size());
            for (int o = 0; o < outputs.size(); o++) {
                Tensor output = outputs.get(o);
                int length = rows[request] * output.rowElements();
                Object data = output.dtype().allocate(length);
                System.arraycopy(output.data(), offsets[o], data, 0, length);
                offsets[o] += length;
                long[] shape = output.shape().clone();
                shape[0] = rows[request];
                answer.add(new Tensor(output.name(), output.dtype(), shape, data));
            }
            answers.add(answer);
        }
        return answers;
    }
}
