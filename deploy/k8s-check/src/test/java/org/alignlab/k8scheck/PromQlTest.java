package org.alignlab.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void keepsMetricNamesAndDropsFunctionsLabelsRangesAndGrouping() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le, decision) "
                + "(rate(alignlab_monitor_decision_duration_seconds_bucket{job=\"monitor\"}[$__rate_interval])))"))
                .containsExactly("alignlab_monitor_decision_duration_seconds_bucket");
        assertThat(PromQl.metricNames("sum(rate(a_seconds_sum[5m])) / on (status) sum(rate(a_seconds_count[5m]))"
                + " > bool 1e3 unless max(b) offset 5m"))
                .containsExactly("a_seconds_sum", "a_seconds_count", "b");
        assertThat(PromQl.metricNames("sum by (topic) (rate(kafka_producer_topic_record_send_total"
                + "{topic=~\".+\\\\.dlq\"}[5m]))")).containsExactly("kafka_producer_topic_record_send_total");
    }
}
