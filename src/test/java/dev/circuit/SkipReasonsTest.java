package dev.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/** Skipped tests say why on the console, once per reason and class, not only in surefire's XML. */
class SkipReasonsTest {
    /** A stand-in test class for the contexts below. */
    static final class SomeTest {}

    @Test
    void eachReasonIsPrintedOnceWithHowManyTestsItSkipped() {
        ExtensionContext context = (ExtensionContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getRequiredTestClass")) return SomeTest.class;
                    throw new UnsupportedOperationException(method.getName());
                });
        SkipReasons s = new SkipReasons();
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 40; i++) s.testAborted(context, new TestAbortedException("Assumption failed: iverilog is not installed"));
            s.testAborted(context, new TestAbortedException("no test table"));
            s.afterAll(context);
            s.afterAll(context);
        } finally {
            System.setErr(saved);
        }
        assertEquals("SKIPPED 40 tests in " + SomeTest.class.getName() + ": iverilog is not installed\n"
                + "SKIPPED 1 test in " + SomeTest.class.getName() + ": no test table\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theExtensionIsRegisteredForEveryTestClass() throws Exception {
        assertEquals(SkipReasons.class.getName(), Files.readString(
                Path.of("src/test/resources/META-INF/services/org.junit.jupiter.api.extension.Extension")).strip());
        assertTrue(Files.readString(Path.of("src/test/resources/junit-platform.properties"))
                .contains("junit.jupiter.extensions.autodetection.enabled=true"));
    }
}
