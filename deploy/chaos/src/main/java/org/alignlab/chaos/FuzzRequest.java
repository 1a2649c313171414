package org.alignlab.chaos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request the REST fuzzer sends: path and query already percent-encoded by whoever built them.
 *
 * @param pathValues values of the path's template parameters, encoded
 * @param query      query parameters, names and values encoded; a name may repeat
 * @param body       null for none
 */
record FuzzRequest(String method, String pathTemplate, Map<String, String> pathValues,
        List<Map.Entry<String, String>> query,
        Map<String, String> headers, byte[] body) {

    String pathAndQuery() {
        String path = pathTemplate;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder text = new StringBuilder(path).append('?');
        for (int i = 0; i < query.size(); i++) {
            if (i > 0) {
                text.append('&');
            }
            text.append(query.get(i).getKey()).append('=').append(query.get(i).getValue());
        }
        return text.toString();
    }

    FuzzRequest withPathValues(Map<String, String> values) {
        return new FuzzRequest(method, pathTemplate, values, query, headers, body);
    }

    FuzzRequest withQuery(List<Map.Entry<String, String>> q) {
        return new FuzzRequest(method, pathTemplate, pathValues, q, headers, body);
    }

    FuzzRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (value == null) {
            h.remove(name);
        } else {
            h.put(name, value);
        }
        return new FuzzRequest(method, pathTemplate, pathValues, query, h, body);
    }

    FuzzRequest withBody(byte[] b) {
        return new FuzzRequest(method, pathTemplate, pathValues, query, headers, b);
    }
}
