package org.alignlab.k8scheck;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;

/** Every workload's pod template, with the object it belongs to. */
record PodTemplates(HasMetadata owner, PodTemplateSpec template) {

    static List<PodTemplates> of(Manifests manifests) {
        List<PodTemplates> templates = new ArrayList<>();
        manifests.ofType(Deployment.class).forEach(d -> templates.add(new PodTemplates(d, d.getSpec().getTemplate())));
        manifests.ofType(StatefulSet.class).forEach(s -> templates.add(new PodTemplates(s, s.getSpec().getTemplate())));
        manifests.ofType(DaemonSet.class).forEach(d -> templates.add(new PodTemplates(d, d.getSpec().getTemplate())));
        manifests.ofType(Job.class).forEach(j -> templates.add(new PodTemplates(j, j.getSpec().getTemplate())));
        manifests.ofType(CronJob.class).forEach(c -> templates.add(new PodTemplates(c,
                c.getSpec().getJobTemplate().getSpec().getTemplate())));
        return templates;
    }
}
