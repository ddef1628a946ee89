package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The plain eval (read without picocli) is picocli's eval on every line it accepts: the same fields
 * set, the same output, message and exit code. picocli is the oracle; a line PlainEval declines goes
 * to picocli anyway, so declining is always safe and accepting must be exact.
 */
class PlainEvalTest {
    static final String ADDER = CliTest.ADDER;

    /** The lines typed by hand most: each runs without picocli (else the fast path would be dead code). */
    @Test
    void commonLinesAreAccepted() {
        for (List<String> line : List.of(List.of("eval", ADDER, "1", "1"), List.of("eval", ADDER, "a=1", "b=0", "--json"),
                List.of("eval", "--trace", ADDER, "1", "1"), List.of("eval", "circuits/arith/adder_n.net", "--top", "adder_n<8>", "200", "0x37", "1"),
                List.of("--debug", "eval", ADDER, "--top=nand", "--bits", "--seed", "7", "--max-size=100", "1", "1"))) {
            assertNotNull(PlainEval.parse(line.toArray(String[]::new), env()), line.toString());
        }
    }

    /** Help, errors picocli words, and forms whose reading is picocli's alone go to picocli. */
    @Test
    void everythingElseIsPicocli() {
        for (List<String> line : List.of(List.of("eval"), List.of("eval", "--help"), List.of("eval", "-h", ADDER),
                List.of("eval", "--version"), List.of("eval", "--trace", "--trace", ADDER), List.of("eval", "--trac", ADDER),
                List.of("eval", ADDER, "-1"), List.of("eval", ADDER, "--", "1"), List.of("eval", "@args.txt"),
                List.of("eval", ADDER, "--seed", "x"), List.of("eval", ADDER, "--seed", "0x10"), List.of("eval", ADDER, "--seed"),
                List.of("eval", ADDER, "--top", "--json"), List.of("eval", ADDER, "--top="), List.of("eval", ADDER, "--json=true"),
                List.of("eval", ""), List.of("eval", "a\0b"), List.of("table", ADDER), List.of("--debug", "--debug", "eval", ADDER),
                List.of("--debug", "eval", ADDER, "--debug"), List.of("help", "eval"), List.<String>of())) {
            assertNull(PlainEval.parse(line.toArray(String[]::new), env()), line.toString());
        }
    }

    /** Every option picocli knows for eval is one PlainEval reads, with a value exactly when picocli takes one. */
    @Test
    void knowsEveryOptionOfEval() {
        CommandSpec eval = Cli.commandLine(new String[] {"eval"}, env()).getSubcommands().get("eval").getCommandSpec();
        Set<String> names = new HashSet<>();
        for (OptionSpec o : eval.options()) {
            if (o.usageHelp() || o.versionHelp()) continue;
            String name = o.longestName();
            names.add(name);
            if (o.arity().max() == 0) {
                assertTrue(PlainEval.FLAGS.contains(name), "PlainEval does not know the flag " + name);
            } else {
                assertTrue(PlainEval.VALUED.contains(name), "PlainEval does not know the option " + name);
                // PlainEval converts values as picocli does for these types only.
                assertEquals(name.equals("--top") ? String.class : long.class, o.type(), name);
                assertEquals(1, o.arity().max(), name);
            }
        }
        Set<String> known = new HashSet<>(PlainEval.FLAGS);
        known.addAll(PlainEval.VALUED);
        assertEquals(known, names);
        assertEquals(2, eval.positionalParameters().size());
    }

    /** Random lines from tokens near the edges: whatever PlainEval accepts, picocli reads the same. */
    @Test
    void agreesWithPicocliOnRandomLines() {
        List<String> tokens = List.of("eval", "--debug", "--trace", "--json", "--bits", "--top", "--top=nand", "--top=adder_n<4>",
                "--seed", "--seed=7", "--max-size", "--max-size=0", "5", "-5", "0x10", "1e3", "007", "a=1", "b=0", "1", "0",
                ADDER, "table", "help", "", "@f", "--", "-", "-h", "--help", "-V", "--tra", "--json=false", "x y", "--top=", "--top=x=y", "\"nand\"", "'a=1'", "--seed=+3");
        int[] accepted = {0};
        qt().withFixedSeed(20261127L).withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            List<String> line = new ArrayList<>();
            if (r.nextInt(4) == 0) line.add("--debug");
            if (r.nextInt(8) != 0) line.add("eval");
            for (int n = r.nextInt(7); n > 0; n--) line.add(tokens.get(r.nextInt(tokens.size())));
            String[] args = line.toArray(String[]::new);
            Env plainEnv = env();
            EvalCommand plain = PlainEval.parse(args, plainEnv);
            if (plain == null) return;
            accepted[0]++;
            Env picoEnv = env();
            EvalCommand pico;
            try {
                CommandLine.ParseResult parsed = Cli.commandLine(args, picoEnv).parseArgs(args);
                assertTrue(parsed.hasSubcommand() && !parsed.subcommand().isUsageHelpRequested()
                        && !parsed.subcommand().isVersionHelpRequested(), "picocli does not run eval for " + line);
                pico = (EvalCommand) parsed.subcommand().commandSpec().userObject();
            } catch (CommandLine.ParameterException e) {
                throw new AssertionError("PlainEval accepts " + line + ", picocli says: " + e.getMessage(), e);
            }
            assertEquals(fields(pico, picoEnv), fields(plain, plainEnv), line.toString());
        });
        assertTrue(accepted[0] > 300, "too few lines accepted to compare: " + accepted[0]);
    }

    /** The whole run, plain and through picocli: same output, same messages, same exit code. */
    @Test
    void runsAsPicocliRuns() {
        String inv = CliTest.INVALID;
        for (List<String> line : List.of(List.of("eval", ADDER, "1", "1"), List.of("eval", "--trace", "--json", ADDER, "1", "1"),
                List.of("eval", CliTest.BUS, "--bits", "0xA5", "1"), List.of("eval", CliTest.BUS, "--top", "inv_n<4>", "0xA"),
                List.of("eval", CliTest.BUS, "--top", "nosuch", "1"), List.of("eval", CliTest.BUS, "--top=inv_n<4", "1"),
                List.of("eval", ADDER, "1"), List.of("eval", ADDER, "1", "yes"), List.of("eval", ADDER, "a=1", "a=0"),
                List.of("eval", ADDER, "1", "1", "1"), List.of("eval", "no/such/file.net", "1"), List.of("eval", inv + "/unknown_signal.net", "1", "1"),
                List.of("eval", inv + "/warn_unused_input.net", "1", "1", "0"), List.of("--debug", "eval", inv + "/cycle.net"),
                List.of("eval", ADDER, "--max-size", "0", "1", "1"), List.of("eval", ADDER, "--max-size=3", "1", "1"),
                List.of("eval", "circuits/learn/xor.net", "--seed", "3", "1", "0"), List.of("eval", "circuits/learn/line.net", "1e400"))) {
            String[] args = line.toArray(String[]::new);
            assertNotNull(PlainEval.parse(args, env()), "not a plain line: " + line);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
            StringWriter pOut = new StringWriter();
            StringWriter pErr = new StringWriter();
            Env pico = new Env(new PrintWriter(pOut), new PrintWriter(pErr));
            int pCode = Cli.runPicocli(args, pico);
            pico.out.flush();
            pico.err.flush();
            assertEquals(pOut.toString(), out.toString(), "stdout of " + line);
            assertEquals(pErr.toString(), err.toString(), "stderr of " + line);
            assertEquals(pCode, code, "exit code of " + line);
        }
    }

    private static String fields(EvalCommand c, Env env) {
        return "file=" + c.circuit.file + " top=" + c.circuit.top + " max-size=" + c.circuit.size.maxSize + " inputs=" + c.inputs
                + " trace=" + c.trace + " json=" + c.json + " bits=" + c.bits + " seed=" + c.seed + " debug=" + env.debug;
    }

    private static Env env() {
        return new Env(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }
}
