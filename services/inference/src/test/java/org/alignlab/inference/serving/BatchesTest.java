package org.alignlab.inference.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.alignlab.inference.engine.DType;
import org.alignlab.inference.engine.Tensor;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void stackingAndSplittingGiveEachRequestItsOwnRowsBack() {
        List<Tensor> a = List.of(new Tensor("ids", DType.INT64, new long[] {1, 2}, new long[] {1, 2}));
        List<Tensor> b = List.of(new Tensor("ids", DType.INT64, new long[] {2, 2}, new long[] {3, 4, 5, 6}));
        List<Tensor> c = List.of(new Tensor("ids", DType.INT64, new long[] {1, 2}, new long[] {7, 8}));

        List<Tensor> stacked = Batches.stack(List.of(a, b, c));
        List<List<Tensor>> split = Batches.split(stacked, new int[] {1, 2, 1});

        assertThat(stacked.get(0).shape()).containsExactly(4, 2);
        assertThat((long[]) stacked.get(0).data()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat((long[]) split.get(0).get(0).data()).containsExactly(1, 2);
        assertThat((long[]) split.get(1).get(0).data()).containsExactly(3, 4, 5, 6);
        assertThat(split.get(1).get(0).shape()).containsExactly(2, 2);
        assertThat((long[]) split.get(2).get(0).data()).containsExactly(7, 8);
    }

    @Test
    void anOutputWithoutOneRowPerInputRowIsAnError() {
        Tensor oneRow = Tensor.float32("y", new long[] {1, 3}, new float[3]);

        assertThatThrownBy(() -> Batches.split(List.of(oneRow), new int[] {1, 1}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 input rows");
    }
}
