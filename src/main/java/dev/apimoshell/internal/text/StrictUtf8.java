package dev.apimoshell.internal.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 that says when bytes are not UTF-8, instead of replacing them: the files the shell keeps
 * (history, profiles) are read line by line so that one damaged line costs only itself.
 */
public final class StrictUtf8 {
  private StrictUtf8() {}

  /**
   * The text of {@code bytes[from..to)}.
   *
   * @throws CharacterCodingException when those bytes are not well-formed UTF-8
   */
  public static String decode(byte[] bytes, int from, int to) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, from, to - from))
        .toString();
  }
}
