package org.jwtauth.token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The counts of one Wycheproof file, what {@link WycheproofConformanceTest} prints, and its failures. */
final class WycheproofTally {
    final String file;
    int total;
    int applicable;
    int invalidRejected;
    int invalidRefusedAtConfiguration;
    int validAccepted;
    final Map<String, String> validRefusedByPolicy = new TreeMap<>();
    final List<String> acceptableAccepted = new ArrayList<>();
    final List<String> acceptableRejected = new ArrayList<>();
    final Map<String, List<String>> notApplicable = new LinkedHashMap<>();
    final Map<String, List<String>> refusals = new LinkedHashMap<>();
    final List<String> contradictory = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    WycheproofTally(String file) {
        this.file = file;
    }

    void notApplicable(Map<String, Object> test, String reason) {
        notApplicable.computeIfAbsent(reason, r -> new ArrayList<>()).add(test.get("result") + " "
                + test.get("tcId"));
    }

    String summary() {
        int notApplicableCount = notApplicable.values().stream().mapToInt(List::size).sum();
        StringBuilder s = new StringBuilder();
        s.append("Wycheproof ").append(file).append(": ").append(total).append(" vectors, ").append(applicable)
                .append(" applicable, ").append(notApplicableCount).append(" not applicable\n");
        s.append("  invalid: ").append(invalidRejected).append(" rejected by the verifier");
        if (invalidRefusedAtConfiguration > 0) {
            s.append(", ").append(invalidRefusedAtConfiguration).append(" refused at configuration");
        }
        s.append(", ").append(failures.stream().filter(f -> f.endsWith("ACCEPTED")).count())
                .append(" accepted\n");
        s.append("  valid: ").append(validAccepted).append(" accepted, ").append(validRefusedByPolicy.size())
                .append(" refused by policy\n");
        validRefusedByPolicy.forEach((id, why) -> s.append("    ").append(id).append(": ").append(why)
                .append('\n'));
        s.append("  acceptable: ").append(acceptableAccepted.size()).append(" accepted ")
                .append(acceptableAccepted).append(", ").append(acceptableRejected.size()).append(" rejected ")
                .append(acceptableRejected).append('\n');
        refusals.forEach((why, ids) -> s.append("  refused at configuration (").append(ids.size()).append(", tcId ")
                .append(String.join(", ", ids)).append("): ").append(why).append('\n'));
        if (!contradictory.isEmpty()) {
            s.append("  invalid but byte-identical to a valid vector of the same group, so no verifier can satisfy"
                    + " both (").append(contradictory.size()).append("): ").append(contradictory).append('\n');
        }
        notApplicable.forEach((why, ids) -> s.append("  not applicable (").append(ids.size()).append("): ")
                .append(why).append("\n    ").append(ids).append('\n'));
        if (!failures.isEmpty()) {
            s.append("  FAILURES (").append(failures.size()).append("):\n");
            failures.forEach(f -> s.append("    ").append(f).append('\n'));
        }
        return s.toString();
    }
}
