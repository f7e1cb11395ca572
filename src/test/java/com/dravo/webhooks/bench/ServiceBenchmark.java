package com.dravo.webhooks.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.dravo.webhooks.replicas.HandSignedTokens;
import com.dravo.webhooks.replicas.Replica;
import com.dravo.webhooks.support.PackagedJarEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark of issue 7: runs the packaged jar on the PostgreSQL that bench/run started,
 * measures each figure next to the limit it is measured against, prints the table and writes
 * it to table.txt, which bench/run turns into results.md with the machine. Item 5 comes from
 * the JMH run of {@link SignerBenchmark} before it. Exits 1 if a step failed or a delivery
 * was lost or not verified.
 */
public final class ServiceBenchmark {

    /** The owner whose 20 endpoints are listed (item 2) and test-sent to (item 3). */
    private static final String LISTER = "org_bench_list";
    /** The Deployment's memory limit, which the service's resident memory must fit in. */
    private static final double MEMORY_LIMIT_MIB = 512;
    private static final String MEMORY_LIMIT = "Deployment limit " + Format.mib(512);
    /** A test event's size, for the receiver's own latency. */
    private static final String SAMPLE_BODY = "{\"id\":\"evt_x\",\"type\":\"post.published\","
            + "\"data\":{\"post_id\":\"p_1\",\"text\":\"" + "x".repeat(300) + "\"}}";

    private final BenchPlan plan;
    private final BenchSettings settings;
    private final LoadTools tools;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ResultsTable table = new ResultsTable();
    private final List<String> problems = new ArrayList<>();
    /** One POST straight to the receiver, measured in item 3: the floor of any delivery. */
    private Latencies receiverLatency;

    private ServiceBenchmark(BenchSettings settings) {
        this.settings = settings;
        this.plan = BenchPlan.named(settings.mode());
        this.tools = new LoadTools(settings.pgBin(), settings.databasePort(), settings.output());
    }

    public static void main(String[] args) throws Exception {
        ServiceBenchmark bench = new ServiceBenchmark(BenchSettings.fromSystemProperties());
        bench.run();

        String text = bench.table.render();
        System.out.println(text);
        Files.writeString(bench.settings.output().resolve("table.txt"), text);
        bench.problems.forEach(problem -> System.err.println("bench: FAILED, " + problem));
        System.exit(bench.problems.isEmpty() ? 0 : 1);
    }

    private void run() throws Exception {
        HandSignedTokens tokens = HandSignedTokens.create();
        table.note("plan: " + plan.name() + "; the service is the packaged jar, prod profile,"
                + " configured by environment variables, on this run's own PostgreSQL 15");

        try (VerifyingReceiver receiver = new VerifyingReceiver()) {
            long startedAt = System.nanoTime();
            Replica service = Replica.start(1, environment(tokens), settings.output());
            Files.writeString(settings.pidFile(), Long.toString(service.pid()));
            Thread stopOnExit = new Thread(() -> stop(service));
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            try {
                ServiceClient api = new ServiceClient(client, service, tokens);
                ProcessMemory memory = new ProcessMemory(service.pid());
                startUp(service, api, memory, startedAt);
                // After start-up: Flyway migrates only a schema without foreign tables.
                tools.pgbenchInit(plan.pgbenchScale());
                List<ServiceClient.Registered> listed = register(api, receiver);
                list(service, api, receiver);
                testSends(api, receiver, listed.get(0), memory);
                long postmaster = CpuTime.postmaster(settings.postmasterPidFile());
                events(new EventDeliveryRun(client, service, tokens, api, receiver,
                        settings.jdbcUrl(), plan, postmaster), memory, postmaster);
                signing();
                verified(receiver);
            } finally {
                stop(service);
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            }
        }
    }

    private Map<String, String> environment(HandSignedTokens tokens) {
        Map<String, String> environment =
                PackagedJarEnvironment.productionSettings(settings.databasePort());
        environment.put("mp.jwt.verify.publickey.location", tokens.publicKeyPem().toString());
        environment.put("mp.jwt.verify.issuer", HandSignedTokens.ISSUER);
        environment.put("dravo.delivery.test-rate-limit", "1000000");
        table.note("the test-send limit (dravo.delivery.test-rate-limit, 60 per endpoint per"
                + " minute by default) is raised to 1,000,000 for item 3");
        settings.jfr().ifPresent(recording -> environment.put("JAVA_TOOL_OPTIONS",
                "-XX:StartFlightRecording=filename=" + recording + ",settings=profile"));
        return environment;
    }

    /** Item 1: process start to the first 200 of an authenticated list, and memory then. */
    private void startUp(Replica service, ServiceClient api, ProcessMemory memory,
            long startedAt) throws Exception {
        String token = api.token(LISTER);
        long deadline = startedAt + Duration.ofMinutes(2).toNanos();
        while (!answers(service, token)) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the service did not start; see "
                        + settings.output().resolve("replica-1.log"));
            }
            Thread.sleep(10);
        }
        double startUpMillis = (System.nanoTime() - startedAt) / 1e6;
        double resident = memory.residentMib();
        double peak = memory.peakMib();
        double bareJvm = bareJvmMillis();

        table.row("1", "start-up to first 200 (jar)", Format.millis(startUpMillis),
                "java -version: " + Format.millis(bareJvm),
                Format.ratio(startUpMillis, bareJvm));
        table.row("1", "RSS after start-up (HWM " + Format.mib(peak) + ")",
                Format.mib(resident), MEMORY_LIMIT, Format.ratio(resident, MEMORY_LIMIT_MIB));
        table.note(nativeBinaryNote());
    }

    private boolean answers(Replica service, String token) throws InterruptedException {
        try {
            return service.get(client, "/v1/webhooks", token) == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private List<ServiceClient.Registered> register(ServiceClient api,
            VerifyingReceiver receiver) throws Exception {
        List<ServiceClient.Registered> endpoints = new ArrayList<>();
        for (int e = 0; e < BenchPlan.LISTED_ENDPOINTS; e++) {
            ServiceClient.Registered endpoint = api.register(LISTER, receiver, "/list/" + e);
            receiver.expect(endpoint.path(), endpoint.signingSecret());
            endpoints.add(endpoint);
        }
        expect(api.listed(LISTER) == BenchPlan.LISTED_ENDPOINTS, "the list to show 20 endpoints");
        return endpoints;
    }

    /** Item 2. */
    private void list(Replica service, ServiceClient api, VerifyingReceiver receiver)
            throws Exception {
        for (ListLoadRun.AtConnections run : new ListLoadRun(plan, settings, tools)
                .run(service, api.token(LISTER), receiver)) {
            String at = run.connections() + " connections";
            table.row("2", "list of 20 endpoints, " + at,
                    Format.perSecond(run.service().perSecond()),
                    "receiver 200: " + Format.perSecond(run.http().perSecond()),
                    Format.ratio(run.service().perSecond(), run.http().perSecond()));
            table.row("2", "  the same", Format.perSecond(run.service().perSecond()),
                    "pgbench -S: " + Format.perSecond(run.database().perSecond()),
                    Format.ratio(run.service().perSecond(), run.database().perSecond()));
            latencyRow("2", "  p50 / p99", run.service().latency(), "receiver",
                    run.http().latency());
            latencyRow("2", "  p50 / p99", run.service().latency(), "pgbench -S",
                    run.database().latency());
            expect(run.service().errors() + run.http().errors() + run.database().errors() == 0,
                    "no errors in the load runs at " + at);
        }
    }

    /** Items 3 and 6: sequential test sends, next to posting straight to the receiver. */
    private void testSends(ServiceClient api, VerifyingReceiver receiver,
            ServiceClient.Registered endpoint, ProcessMemory memory) throws Exception {
        URI plain = URI.create(receiver.url(VerifyingReceiver.PLAIN));
        for (int i = 0; i < plan.warmUpSends(); i++) {
            api.testSend(LISTER, endpoint.id());
            api.postTo(plain, SAMPLE_BODY);
        }
        boolean peakReset = memory.resetPeak();

        List<Long> sends = new ArrayList<>();
        List<Long> direct = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < plan.testSends(); i++) {
            long started = System.nanoTime();
            failed += api.testSend(LISTER, endpoint.id()) ? 0 : 1;
            long between = System.nanoTime();
            api.postTo(plain, SAMPLE_BODY);
            sends.add(between - started);
            direct.add(System.nanoTime() - between);
        }
        double peak = memory.peakMib();

        receiverLatency = Latencies.ofNanos(direct);
        latencyRow("3", "test send, one at a time, p50 / p99",
                Latencies.ofNanos(sends), "receiver", receiverLatency);
        peakRow("during item 3", peak, peakReset);
        expect(failed == 0, "every test send to succeed; " + failed + " did not");
    }

    /** Items 4 and 6. */
    private void events(EventDeliveryRun events, ProcessMemory memory, long postmaster)
            throws Exception {
        double alone = events.publishAlone();
        boolean peakReset = memory.resetPeak();
        EventDeliveryRun.Phase healthy = events.run("healthy", false);
        EventDeliveryRun.Phase oneDead = events.run("dead", true);
        double peak = memory.peakMib();
        LoadTools.Load writes16 = tools.pgbench("simple-update", 16, plan.load());
        double cpuBefore = CpuTime.ofProcessAndChildren(postmaster);
        LoadTools.Load writes64 = tools.pgbench("simple-update", 64, plan.load());
        double writeCpuMillis = (CpuTime.ofProcessAndChildren(postmaster) - cpuBefore) * 1000
                / (writes64.perSecond() * plan.load().toSeconds());

        new EventFigures(table, plan).record(alone, healthy, oneDead,
                new EventFigures.Limits(writes16, writes64, writeCpuMillis, receiverLatency));
        peakRow("during item 4", peak, peakReset);
        expect(healthy.missing() + oneDead.missing() == 0, "every delivery to arrive; "
                + (healthy.missing() + oneDead.missing()) + " never did");
    }

    /** Item 5, from the JMH results bench/run wrote before. */
    private void signing() throws IOException {
        double signer = Double.NaN;
        double rawMac = Double.NaN;
        for (JsonNode result : new ObjectMapper().readTree(settings.jmhResults().toFile())) {
            double score = result.path("primaryMetric").path("score").asDouble();
            String benchmark = result.path("benchmark").asText();
            signer = benchmark.endsWith(".signer") ? score : signer;
            rawMac = benchmark.endsWith(".rawMac") ? score : rawMac;
        }
        double signatures = 2 * signer;
        table.row("5", "Signer, 1 KiB, HMAC-SHA256/s",
                Format.perSecond(signatures), "raw JDK Mac: " + Format.perSecond(rawMac),
                Format.ratio(signatures, rawMac));
        expect(signer > 0 && rawMac > 0, "JMH results of both benchmarks");
    }

    private void verified(VerifyingReceiver receiver) {
        expect(receiver.unverified() == 0, "every delivery to verify; " + receiver.unverified()
                + " did not");
        table.note("every delivery was verified with Svix's library; " + receiver.duplicates()
                + " arrived twice; the dead endpoint answered 500 " + receiver.refused()
                + " times (it answers 500, it does not refuse connections)");
    }

    private void latencyRow(String item, String figure, Latencies value, String limitName,
            Latencies limit) {
        table.row(item, figure, value.text(), limitName + ": " + limit.text(),
                value.ratioTo(limit));
    }

    private void peakRow(String when, double peak, boolean sinceReset) {
        table.row("6", "peak RSS " + when + (sinceReset ? "" : " (HWM since start)"),
                Format.mib(peak), MEMORY_LIMIT, Format.ratio(peak, MEMORY_LIMIT_MIB));
    }

    private void expect(boolean holds, String expectation) {
        if (!holds) {
            problems.add("expected " + expectation);
        }
    }

    private static String nativeBinaryNote() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.map(Path::toString).filter(name -> name.endsWith("-runner"))
                    .findFirst()
                    .map(runner -> "a native binary exists (" + runner + "); this bench"
                            + " measures the jar only")
                    .orElse("no native binary in target/ (no GraalVM here): item 1 is for"
                            + " the jar only");
        }
    }

    private static double bareJvmMillis() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long started = System.nanoTime();
        new ProcessBuilder(java, "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        return (System.nanoTime() - started) / 1e6;
    }

    private static void stop(Replica service) {
        try {
            service.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
