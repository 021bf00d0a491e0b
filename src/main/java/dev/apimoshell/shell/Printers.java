package dev.apimoshell.shell;

import dev.apimoshell.shell.print.ValueRenderer;

/**
 * The shell's value printing: {@link ValueRenderer}, the one place that decides how values look.
 */
final class Printers {

  private Printers() {}

  static ValuePrinter standard() {
    return ValueRenderer::render;
  }
}
