package org.alignlab.chaos;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.alignlab.launcher.Service;

/** Whether every service of the stack answers ready. */
final class Health {

    private Health() {
    }

    static List<String> unhealthy(ChaosStack stack) {
        List<String> problems = new ArrayList<>();
        for (Service service : Service.values()) {
            try {
                HttpResponse<String> ready = Http.get(stack.url(service).resolve("/q/health/ready"), null);
                if (ready.statusCode() != 200) {
                    problems.add(service.id() + " is not ready: HTTP " + ready.statusCode() + " " + ready.body());
                }
            } catch (Exception e) {
                problems.add(service.id() + " does not answer: " + e);
            }
        }
        return problems;
    }
}
