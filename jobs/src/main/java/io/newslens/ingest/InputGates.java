package io.newslens.ingest;

import io.newslens.config.IngestOptions;
import io.newslens.config.InputSpec;
import io.newslens.report.RunFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Data-quality gates on one run's ingest counts, per input. A run fails (exit 1, previous reports kept) when
 * an input yields no records (unless {@code ingest.allow_empty}), when every record of an input is
 * quarantined, or when an explicitly mapped field is empty in every record of its input. It warns when more
 * than {@code ingest.warn_quarantined_share} of an input's records are quarantined, or more than
 * {@code ingest.warn_undated_share} of its dates cannot be read. No Spark here: the counts come in.
 */
public final class InputGates {
    private InputGates() {
    }

    /**
     * What ingest counted for one input.
     *
     * @param read             records read
     * @param quarantined      of which quarantined
     * @param byReason         quarantined records by reason
     * @param example          one quarantined record's detail and beginning, for the message (asked only then)
     * @param parsed           records whose fields could be read (not malformed or undecodable)
     * @param datesParsed      accepted records with a date that was read
     * @param datesUnparseable accepted records with a date that could not be read
     * @param mappedFilled     explicitly mapped input field -> records where it is not blank
     */
    public record Counts(long read, long quarantined, Map<String, Long> byReason, java.util.function.Supplier<String> example, long parsed,
                         long datesParsed, long datesUnparseable, Map<String, Long> mappedFilled) {
    }

    /**
     * Checks every input; returns the warnings, throws {@link RunFailure} for the first failed gate.
     *
     * @param counts   per input index (an input with no records may be missing)
     * @param forms    the commonest unreadable date forms of an input, as text (asked only when needed)
     */
    public static List<String> check(List<InputSpec> inputs, Map<Integer, Counts> counts, IngestOptions options,
                                     IntFunction<String> forms) {
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            InputSpec spec = inputs.get(i);
            String at = "inputs[" + i + "] (" + spec.path() + ")";
            Counts c = counts.get(i);
            if (c == null || c.read() == 0) {
                String message = at + ": no records (empty files)";
                if (!options.allowEmpty()) {
                    throw new RunFailure(message + "; nothing published. Use --allow-empty (ingest.allow_empty: true)"
                            + " to publish empty reports on purpose");
                }
                warnings.add(message + "; published anyway (allow_empty)");
                continue;
            }
            if (c.quarantined() == c.read()) {
                throw new RunFailure(at + ": all " + c.read() + " records were quarantined (" + reasons(c.byReason())
                        + "), e.g. " + c.example().get() + "; check the input's format and mapping. Nothing published");
            }
            for (Map.Entry<String, String> m : new java.util.TreeMap<>(spec.mapping()).entrySet()) {
                long filled = c.mappedFilled().getOrDefault(m.getValue(), 0L);
                if (c.parsed() > 0 && filled == 0) {
                    throw new RunFailure("inputs[" + i + "].mapping." + m.getKey() + ": field '" + m.getValue()
                            + "' is missing or empty in all " + c.parsed() + " records of " + spec.path() + ". Nothing published");
                }
            }
            double quarantinedShare = (double) c.quarantined() / c.read();
            if (quarantinedShare > options.warnQuarantinedShare()) {
                warnings.add(at + ": " + c.quarantined() + " of " + c.read() + " records quarantined ("
                        + percent(quarantinedShare) + ", more than ingest.warn_quarantined_share "
                        + percent(options.warnQuarantinedShare()) + "): " + reasons(c.byReason())
                        + "; see the quarantine report");
            }
            long dated = c.datesParsed() + c.datesUnparseable();
            if (dated > 0) {
                double undated = (double) c.datesUnparseable() / dated;
                if (undated > options.warnUndatedShare()) {
                    warnings.add(at + ": " + c.datesUnparseable() + " of " + dated + " dates could not be read ("
                            + percent(undated) + ", more than ingest.warn_undated_share "
                            + percent(options.warnUndatedShare()) + "); commonest forms: " + forms.apply(i)
                            + "; say the form with inputs[" + i + "].date_format (e.g. dd/MM/yyyy)");
                }
            }
        }
        return warnings;
    }

    private static String reasons(Map<String, Long> byReason) {
        return byReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
