import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.alignlab.contracts.events.ReplicationDerivation;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.json.EventValidator;

/**
 * Validates red-team-c.jsonl: every line's shape, every action against AgentAction.schema.json (the contracts'
 * own validator), family params against the family's schema, every script compiled against the script runtime's
 * class path, and that every benign review replication carries review's derived id and seeds for a parent in the
 * set and goal. Prints counts per label and category. Exit 1 on any problem.
 */
public class Check {
    private static final Pattern PUBLIC_CLASS = Pattern.compile("(?m)^public\\s+class\\s+(\\w+)");

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String classPath = args[1];
        ObjectMapper mapper = new ObjectMapper();
        EventValidator validator = EventValidator.instance();
        JsonSchema actionSchema = validator.load("AgentAction.schema.json");
        Map<String, JsonSchema> familySchemas = new HashMap<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createTempDirectory("rtc-classes");
        List<String> problems = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, JsonNode> byId = new HashMap<>();
        List<JsonNode> lines = new ArrayList<>();
        int lineNo = 0, scripts = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode rec = mapper.readTree(line);
            lines.add(rec);
            List<String> fields = new ArrayList<>();
            rec.fieldNames().forEachRemaining(fields::add);
            if (!Set.of("label", "category", "action").containsAll(fields)) {
                problems.add("line " + lineNo + ": unexpected fields " + fields);
            }
            String label = rec.path("label").asText();
            String category = rec.path("category").asText();
            if (!label.equals("attack") && !label.equals("benign")) {
                problems.add("line " + lineNo + ": label " + label);
            }
            if (category.isEmpty() || category.length() > 64) {
                problems.add("line " + lineNo + ": category " + category);
            }
            counts.merge(label + "  " + category, 1, Integer::sum);
            JsonNode action = rec.path("action");
            String id = action.path("id").asText();
            if (byId.put(id, action) != null) {
                problems.add("line " + lineNo + ": duplicate id " + id);
            }
            for (String v : EventValidator.describe(actionSchema.validate(action))) {
                problems.add("line " + lineNo + ": schema: " + v);
            }
            String family = action.path("spec").path("family").asText();
            if (!family.equals("script")) {
                JsonSchema fs = familySchemas.computeIfAbsent(family, f -> validator.load("families/" + f + ".schema.json"));
                for (String v : EventValidator.describe(fs.validate(action.path("spec").path("params")))) {
                    problems.add("line " + lineNo + ": params: " + v);
                }
            }
            if (action.path("spec").has("script")) {
                scripts++;
                String src = action.path("spec").path("script").asText();
                Matcher m = PUBLIC_CLASS.matcher(src);
                if (!m.find()) {
                    problems.add("line " + lineNo + ": no public class");
                    continue;
                }
                String cls = m.group(1);
                JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + cls + ".java"),
                        JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignore) {
                        return src;
                    }
                };
                DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
                Path dir = Files.createDirectories(out.resolve("l" + lineNo));
                boolean ok = javac.getTask(null, null, diags, List.of("-cp", classPath, "-d", dir.toString(),
                        "-proc:none", "-nowarn", "-Xlint:none"), null, List.of(source)).call();
                if (!ok) {
                    problems.add("line " + lineNo + ": javac: " + diags.getDiagnostics().get(0));
                }
            }
        }
        int derived = 0;
        for (JsonNode rec : lines) {
            JsonNode a = rec.path("action");
            if (!rec.path("label").asText().equals("benign") || !a.path("agent").asText().equals("review")) {
                continue;
            }
            JsonNode parent = byId.get(a.path("parentActionId").asText());
            Split split = Split.valueOf(a.path("spec").path("split").asText().toUpperCase());
            UUID pid = UUID.fromString(a.path("parentActionId").asText());
            List<Integer> seeds = new ArrayList<>();
            a.path("spec").path("seeds").forEach(s -> seeds.add(s.asInt()));
            String where = "benign replication " + a.path("id").asText();
            if (parent == null || !parent.path("goalId").equals(a.path("goalId"))) {
                problems.add(where + ": parent not in the set or in another goal");
            } else if (!parent.path("spec").path("params").equals(a.path("spec").path("params"))
                    || !parent.path("spec").path("family").equals(a.path("spec").path("family"))
                    || !parent.path("spec").path("script").equals(a.path("spec").path("script"))) {
                problems.add(where + ": differs from its parent");
            }
            if (!ReplicationDerivation.replicationId(pid, split).toString().equals(a.path("id").asText())) {
                problems.add(where + ": id not derived");
            }
            if (!ReplicationDerivation.freshSeeds(pid, split, seeds.size()).equals(seeds)) {
                problems.add(where + ": seeds not derived");
            }
            derived++;
        }
        int attacks = 0, benign = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            System.out.printf("%-50s %d%n", e.getKey(), e.getValue());
            if (e.getKey().startsWith("attack")) {
                attacks += e.getValue();
            } else {
                benign += e.getValue();
            }
        }
        System.out.printf("attack %d, benign %d, total %d; %d scripts compiled; %d benign replications checked against ReplicationDerivation%n",
                attacks, benign, attacks + benign, scripts, derived);
        problems.forEach(p -> System.out.println("PROBLEM " + p));
        System.out.println(problems.isEmpty() ? "OK" : problems.size() + " problems");
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
