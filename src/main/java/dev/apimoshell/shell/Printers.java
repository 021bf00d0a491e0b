package dev.apimoshell.shell;

import dev.apimoshell.shell.print.PrintSettings;
import dev.apimoshell.shell.print.ValueRenderer;

/**
 * The shell's value printing: {@link ValueRenderer}, the one place that decides how values look.
 */
final class Printers {

  /** Rows a query or a list shows before "… N more", until {@code /set rows} changes it. */
  static final int PREVIEW_ROWS = PrintSettings.DEFAULT_ROWS;

  private Printers() {}

  static ValuePrinter standard() {
    return ValueRenderer::render;
  }
}
