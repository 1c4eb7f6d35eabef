package org.jwtauth.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The markdown report of {@link StoreBenchmarks}: every run, then the ratios within the run. */
final class StoreReport {

    private StoreReport() {
    }

    static String markdown(List<StoreLoad.Result> results, List<String> cleanups, String setUp) {
        StringBuilder md = new StringBuilder();
        md.append("Set-up: ").append(setUp).append(".\n\n");
        md.append("| database | operation | variant | clients | per second | p50 ms | p99 ms | max ms | errors |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (StoreLoad.Result r : results) {
            md.append(row(r)).append('\n');
        }
        md.append("\nRatios (pool / no pool; throughput and p99 of the runs of each variant pooled together as"
                + " means of their per-second figures and the worst p99):\n\n");
        md.append("| database | operation | per second, no pool | per second, pool | ratio | p99 no pool ms"
                + " | p99 pool ms | ratio |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        Map<String, List<StoreLoad.Result>> byKey = new LinkedHashMap<>();
        for (StoreLoad.Result r : results) {
            byKey.computeIfAbsent(r.database + "|" + r.operation, k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<StoreLoad.Result>> e : byKey.entrySet()) {
            String[] key = e.getKey().split("\\|");
            double[] without = summary(e.getValue(), "no pool");
            double[] with = summary(e.getValue(), "pool");
            md.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %.2f | %.2f | %.2f | %.2f |%n", key[0],
                    key[1], without[0], with[0], with[0] / without[0], without[1], with[1], with[1] / without[1]));
        }
        for (String cleanup : cleanups) {
            md.append('\n').append(cleanup);
        }
        return md.toString();
    }

    /** Mean throughput and worst p99 of the runs of one variant. */
    private static double[] summary(List<StoreLoad.Result> results, String variant) {
        double sum = 0;
        double worst = 0;
        int n = 0;
        for (StoreLoad.Result r : results) {
            if (r.variant.equals(variant)) {
                sum += r.perSecond();
                worst = Math.max(worst, r.percentileMillis(0.99));
                n++;
            }
        }
        return new double[] {n == 0 ? Double.NaN : sum / n, worst};
    }

    static String row(StoreLoad.Result r) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %d | %,.0f | %.2f | %.2f | %.2f | %d |", r.database,
                r.operation, r.variant, r.clients, r.perSecond(), r.percentileMillis(0.50), r.percentileMillis(0.99),
                r.percentileMillis(1.0), r.errors);
    }

    static String cleanup(String database, int rows, double seedSeconds, long deleted, double cleanupSeconds,
                          StoreLoad.Result without, StoreLoad.Result during) {
        return String.format(Locale.ROOT, "Cleanup on %s (pool): %,d expired rows seeded in %.1f s; the cleanup"
                        + " deleted %,d token and session rows in %.1f s (batches of 500) while %d clients refreshed.%n%n"
                        + "| database | refresh | per second | p50 ms | p99 ms | max ms | errors |%n|---|---|---:|---:|---:|---:|---:|%n"
                        + "%s%n%s%n%nRefresh p99 during / without the cleanup: %.2f; throughput during / without: %.2f.%n",
                database, rows, seedSeconds, deleted, cleanupSeconds, without.clients, cleanupRow(without),
                cleanupRow(during), during.percentileMillis(0.99) / without.percentileMillis(0.99),
                during.perSecond() / without.perSecond());
    }

    private static String cleanupRow(StoreLoad.Result r) {
        return String.format(Locale.ROOT, "| %s | %s | %,.0f | %.2f | %.2f | %.2f | %d |", r.database, r.variant,
                r.perSecond(), r.percentileMillis(0.50), r.percentileMillis(0.99), r.percentileMillis(1.0), r.errors);
    }
}
