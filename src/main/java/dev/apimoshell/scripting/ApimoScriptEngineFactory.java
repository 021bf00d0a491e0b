package dev.apimoshell.scripting;

import java.util.List;
import java.util.stream.Collectors;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * Registers the shell with JSR-223 ({@code META-INF/services}): {@code new
 * ScriptEngineManager().getEngineByName("apimo")} gives an {@link ApimoScriptEngine}.
 */
public final class ApimoScriptEngineFactory implements ScriptEngineFactory {

  @Override
  public String getEngineName() {
    return "apimo-shell";
  }

  @Override
  public String getEngineVersion() {
    String v = ApimoScriptEngineFactory.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public List<String> getExtensions() {
    return List.of("jsh");
  }

  @Override
  public List<String> getMimeTypes() {
    return List.of();
  }

  @Override
  public List<String> getNames() {
    return List.of("apimo", "apimo-shell");
  }

  @Override
  public String getLanguageName() {
    return "Java";
  }

  @Override
  public String getLanguageVersion() {
    return String.valueOf(Runtime.version().feature());
  }

  @Override
  public Object getParameter(String key) {
    return switch (key) {
      case ScriptEngine.ENGINE -> getEngineName();
      case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
      case ScriptEngine.NAME -> getNames().get(0);
      case ScriptEngine.LANGUAGE -> getLanguageName();
      case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
      default -> null;
    };
  }

  @Override
  public String getMethodCallSyntax(String obj, String m, String... args) {
    return obj + "." + m + "(" + String.join(", ", args) + ")";
  }

  @Override
  public String getOutputStatement(String toDisplay) {
    return "System.out.println(\""
        + toDisplay.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
        + "\")";
  }

  @Override
  public String getProgram(String... statements) {
    return List.of(statements).stream().map(s -> s + ";").collect(Collectors.joining("\n"));
  }

  @Override
  public ScriptEngine getScriptEngine() {
    return new ApimoScriptEngine(this);
  }
}
