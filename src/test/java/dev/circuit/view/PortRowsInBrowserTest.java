package dev.circuit.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The port rows past the first screen (page.js, chunked): skipped while the page opens, they are
 * shown once its first frame is out, and each row there can be scrolled to and clicked like the
 * first ones. A page that left them skipped would show an empty box below the first screen's rows.
 */
class PortRowsInBrowserTest extends InBrowser {
    private static final int PORTS = 100;

    @TempDir
    Path dir;

    @Test
    void everyPortRowPastTheFirstScreenIsShownAndWorks() throws IOException {
        List<String> ins = new ArrayList<>(), outs = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < PORTS; i++) {
            ins.add("a" + i);
            outs.add("y" + i);
            body.append("    y").append(i).append(" = a").append(i).append(" >= 1\n");
        }
        Path file = Files.writeString(dir.resolve("ports.net"),
                "circuit ports(" + String.join(", ", ins) + ") -> (" + String.join(", ", outs) + ") {\n" + body + "}\n");
        open(view(file, "ports", dir, "--layout=layered"));
        // Two frames: the first is out, and the task after it has run.
        browser.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));");
        assertEquals(0L, browser.executeScript("return document.querySelectorAll('.rows.later').length;"), "chunks still skipped");
        for (int i : new int[] {PORTS / 2, PORTS - 1}) {
            WebElement toggle = browser.findElement(By.id("in-a" + i));
            browser.executeScript("arguments[0].scrollIntoView();", toggle);
            assertEquals(true, browser.executeScript("const r = arguments[0].getBoundingClientRect(); return r.width > 0 && r.height > 0;", toggle),
                    "row a" + i + " has no size");
            toggle.click();
            assertEquals("1", browser.executeScript("return document.getElementById('out-y' + arguments[0]).textContent;", i), "y" + i + " after a" + i + " is clicked");
        }
    }
}
