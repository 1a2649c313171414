import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stand-in for the experiments runner in the executor's Quarkus test (compiled and jarred by StandInRunner):
 * same command line, writes a valid RunnerOutput with accuracy 0.75 per seed and the uid it ran as; with the param
 * {@code "stderr": "hostile"} it first prints bytes no database or event may hold; with {@code "measure": 1} it
 * reports only an accuracy that depends on the seed, as a measured quantity does.
 */
public class StandInMain {

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        Path spec = Path.of(args[arguments.indexOf("--spec") + 1]);
        Path out = Path.of(args[arguments.indexOf("--out") + 1]);
        String specText = Files.readString(spec);
        if (specText.contains("\"stderr\":\"hostile\"")) {
            // What an agent's workload may print: a NUL byte, terminal escapes and a lone surrogate's bytes.
            System.err.write(new byte[] {'a', 0, 'b', 0x1b, '[', '3', '1', 'm', (byte) 0xed, (byte) 0xa0, (byte) 0x80,
                    '\n'});
            System.err.flush();
        }
        Matcher seeds = Pattern.compile("\"seeds\":\\[([-0-9,]*)\\]").matcher(specText);
        if (!seeds.find()) {
            System.err.println("no seeds in the spec");
            System.exit(2);
        }
        boolean measure = specText.contains("\"measure\":1");
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        StringBuilder perSeed = new StringBuilder();
        double sum = 0;
        String[] seedList = seeds.group(1).split(",");
        for (String seed : seedList) {
            double accuracy = measure ? 0.5 + Math.floorMod(Integer.parseInt(seed), 997) / 2000.0 : 0.75;
            sum += accuracy;
            perSeed.append(perSeed.length() == 0 ? "" : ",")
                    .append("{\"seed\":").append(seed).append(",\"metrics\":{\"accuracy\":").append(accuracy)
                    .append("}}");
        }
        String metrics = measure ? "{\"accuracy\":" + sum / seedList.length + "}"
                : "{\"accuracy\":0.75,\"uid\":" + uid + "}";
        Files.writeString(out, "{\"metrics\":" + metrics + ",\"perSeed\":[" + perSeed
                + "],\"environment\":{\"codeVersion\":\"stand-in\"}}");
        System.err.println("stand-in runner done");
    }
}
