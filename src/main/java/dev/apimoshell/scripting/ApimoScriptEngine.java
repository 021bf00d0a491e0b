package dev.apimoshell.scripting;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.shell.ExitGuard;
import dev.apimoshell.shell.ShellSession;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.lang.model.SourceVersion;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.ScriptContext;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

/**
 * The shell as a JSR-223 engine: each binding whose name is a Java identifier becomes a variable of
 * the session holding the object itself, and what snippets print goes to the context's writers. The
 * binding {@value #CLIENT}, set before the first evaluation, is the client {@code Apimo.*} means
 * (else the default client).
 *
 * <pre>{@code
 * ScriptEngine apimo = new ScriptEngineManager().getEngineByName("apimo");
 * apimo.put("agency", client.agency(14));
 * long n = (Long) apimo.eval("agency.users().count()");
 * }</pre>
 */
public final class ApimoScriptEngine extends AbstractScriptEngine implements AutoCloseable {

  /** The binding naming the session's client: {@code engine.put(CLIENT, client)}. */
  public static final String CLIENT = "apimo.client";

  private final ScriptEngineFactory factory;
  private ShellSession session;
  private final Map<String, Object> bound = new java.util.HashMap<>();

  ApimoScriptEngine(ScriptEngineFactory factory) {
    this.factory = factory;
  }

  @Override
  public Object eval(String script, ScriptContext context) throws ScriptException {
    ShellSession s = session(context);
    StringWriter ignored = new StringWriter();
    PrintStream out = toWriter(context.getWriter() == null ? ignored : context.getWriter());
    PrintStream err =
        toWriter(context.getErrorWriter() == null ? ignored : context.getErrorWriter());
    s.streams(out, err);
    try {
      bindAll(s, context.getBindings(ScriptContext.GLOBAL_SCOPE));
      bindAll(s, context.getBindings(ScriptContext.ENGINE_SCOPE));
      return s.eval(script);
    } catch (ExitGuard.Request exit) {
      throw scriptException(new ScriptExit(exit.status()));
    } catch (Exception e) {
      throw scriptException(e);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static ScriptException scriptException(Exception e) {
    ScriptException wrapped = new ScriptException(String.valueOf(e.getMessage()));
    wrapped.initCause(e);
    return wrapped;
  }

  private synchronized ShellSession session(ScriptContext context) {
    if (session == null) {
      Object client = context.getAttribute(CLIENT);
      ShellSession.Builder builder = ShellSession.builder();
      if (client instanceof ApimoClient c) {
        builder.client(c);
      }
      session = builder.build();
    }
    return session;
  }

  /** Declares the bindings that are new or hold another object since the last evaluation. */
  private void bindAll(ShellSession s, Bindings bindings) {
    if (bindings == null) {
      return;
    }
    bindings.forEach(
        (name, value) -> {
          if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
            return;
          }
          if (!bound.containsKey(name) || bound.get(name) != value) {
            s.bind(name, value);
            bound.put(name, value);
          }
        });
  }

  /** A stream whose text goes to {@code writer} at each flush. */
  private static PrintStream toWriter(Writer writer) {
    OutputStream bytes =
        new OutputStream() {
          private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();

          @Override
          public void write(int b) {
            buffer.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
          }

          @Override
          public void flush() throws IOException {
            writer.write(buffer.toString(StandardCharsets.UTF_8));
            buffer.reset();
            writer.flush();
          }
        };
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  @Override
  public Object eval(Reader reader, ScriptContext context) throws ScriptException {
    StringBuilder text = new StringBuilder();
    char[] buf = new char[8192];
    try {
      for (int n; (n = reader.read(buf)) > 0; ) {
        text.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw scriptException(e);
    }
    return eval(text.toString(), context);
  }

  @Override
  public Bindings createBindings() {
    return new SimpleBindings();
  }

  @Override
  public ScriptEngineFactory getFactory() {
    return factory;
  }

  /** Ends the session's JShell. */
  @Override
  public synchronized void close() {
    if (session != null) {
      session.close();
      session = null;
    }
  }
}
