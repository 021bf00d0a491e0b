package dev.apimoshell.shell;

import java.util.List;

/**
 * The one evaluation loop of the shell, over any input text (a line typed at the prompt, a file,
 * {@code -e} snippets, piped stdin, a string given to the embedding API): cuts it into commands and
 * snippets ({@link SnippetSplitter}), evaluates each snippet (drawing progress while it runs), and
 * hands each piece's result to its {@link Steps}, which decide what is printed and whether to go
 * on. The prompt ({@link Repl}) and scripts ({@link ScriptRunner}) differ only in their steps.
 *
 * <pre>{@code EvalLoop.run(engine, progress, "int n = 2;\nn + 1", steps)}</pre>
 */
final class EvalLoop {

  /** What the loop's user does with each piece; returning false stops the loop. */
  interface Steps {
    /** Before a piece runs: a script's {@code --record} transcript takes its input here. */
    default void starting(SnippetSplitter.Piece piece) {}

    /** A slash command line. */
    boolean command(SnippetSplitter.Piece piece);

    /** A snippet's outcomes (usually one; several for a line declaring several things). */
    boolean evaluated(SnippetSplitter.Piece piece, List<Outcome> outcomes);
  }

  private EvalLoop() {}

  /**
   * Runs {@code text} piece by piece until the end or until a step says stop.
   *
   * @param progress drawn while a snippet runs; null for none
   * @return true when every piece ran (no step said stop)
   */
  static boolean run(JShellEngine engine, Progress progress, String text, Steps steps) {
    for (SnippetSplitter.Piece piece : engine.splitter().split(text)) {
      steps.starting(piece);
      boolean go =
          piece.command()
              ? steps.command(piece)
              : steps.evaluated(piece, evaluate(engine, progress, piece.source()));
      if (!go) {
        return false;
      }
    }
    return true;
  }

  /** One complete snippet, with a progress line while it runs. */
  static List<Outcome> evaluate(JShellEngine engine, Progress progress, String source) {
    if (progress == null) {
      return engine.evalOne(source);
    }
    progress.start();
    try {
      return engine.evalOne(source);
    } finally {
      progress.clear();
    }
  }
}
