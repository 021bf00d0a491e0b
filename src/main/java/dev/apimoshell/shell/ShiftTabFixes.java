package dev.apimoshell.shell;

import java.util.List;
import java.util.function.Supplier;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.keymap.KeyMap;
import org.jline.reader.Buffer;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.impl.LineReaderImpl;

/**
 * jshell's Shift+TAB fixes at the prompt: Shift+TAB then {@code i} imports the type whose simple
 * name is before the cursor ({@code Path<S-TAB>i} offers {@code java.nio.file.Path}); Shift+TAB
 * then {@code v} turns the expression typed into a variable declaration ({@code
 * Apimo.agency(14)<S-TAB>v} becomes {@code AgencyRef | = Apimo.agency(14)}, the cursor where the
 * name goes).
 */
final class ShiftTabFixes {

  private static final String SHIFT_TAB = "\033[Z";

  private ShiftTabFixes() {}

  static void install(LineReader reader, Supplier<JShellEngine> engine) {
    reader.getWidgets().put("apimo-import", () -> importType(reader, engine.get()));
    reader.getWidgets().put("apimo-variable", () -> introduceVariable(reader, engine.get()));
    KeyMap<org.jline.reader.Binding> keys = reader.getKeyMaps().get(LineReader.MAIN);
    keys.bind(new Reference("apimo-import"), SHIFT_TAB + "i");
    keys.bind(new Reference("apimo-variable"), SHIFT_TAB + "v");
  }

  /** Lists the types the name may mean and imports the one whose number is typed. */
  static boolean importType(LineReader reader, JShellEngine engine) {
    String code = reader.getBuffer().upToCursor();
    SourceCodeAnalysis.QualifiedNames found =
        engine.analysis().listQualifiedNames(code, code.length());
    List<String> names = found.getNames();
    if (names.isEmpty()) {
      reader.printAbove(
          found.isResolvable()
              ? "Shift+TAB i: this name needs no import"
              : "Shift+TAB i: no type to import for the name before the cursor"
                  + (found.isUpToDate() ? "" : " (still indexing the class path: try again)"));
      return true;
    }
    StringBuilder menu = new StringBuilder("0: do nothing");
    for (int i = 0; i < names.size() && i < 9; i++) {
      menu.append("\n").append(i + 1).append(": import ").append(names.get(i));
    }
    reader.printAbove(menu.toString());
    int choice = reader instanceof LineReaderImpl impl ? impl.readCharacter() - '1' : -1;
    if (choice >= 0 && choice < Math.min(9, names.size())) {
      String name = names.get(choice);
      engine.evalOne("import " + name + ";");
      reader.printAbove("imported " + name);
    }
    return true;
  }

  /** Prefixes the expression with its type and {@code = }, leaving the cursor for the name. */
  static boolean introduceVariable(LineReader reader, JShellEngine engine) {
    Buffer buffer = reader.getBuffer();
    String expression = buffer.toString().strip();
    if (expression.endsWith(";")) {
      expression = expression.substring(0, expression.length() - 1);
    }
    String type =
        expression.isEmpty()
            ? null
            : engine.analysis().analyzeType(expression, expression.length());
    if (type == null) {
      reader.printAbove("Shift+TAB v: type an expression with a value first");
      return true;
    }
    buffer.clear();
    buffer.write(type + "  = " + expression);
    buffer.cursor(type.length() + 1);
    return true;
  }
}
