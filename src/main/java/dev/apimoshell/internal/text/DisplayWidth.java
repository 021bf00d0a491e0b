package dev.apimoshell.internal.text;

/**
 * The columns a character takes on a terminal, from the JDK's character data alone, so that tables
 * line up in a program that has no terminal library: two for East Asian wide characters and most
 * emoji, none for combining marks, format characters, skin tones and the joiners inside an emoji
 * sequence.
 *
 * <pre>{@code DisplayWidth.of("e\u0301") == 1; DisplayWidth.of("日本") == 4}</pre>
 */
public final class DisplayWidth {
  private static final int ZERO_WIDTH_JOINER = 0x200D;

  private DisplayWidth() {}

  /** The columns {@code text} takes; a ZWJ emoji sequence counts as its first emoji alone. */
  public static int of(String text) {
    int width = 0;
    boolean joined = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == ZERO_WIDTH_JOINER) {
        joined = true;
        continue;
      }
      width += joined ? 0 : of(cp);
      joined = false;
    }
    return width;
  }

  /** The columns one code point takes: 0, 1 or 2. */
  public static int of(int cp) {
    if (cp == 0 || cp == ZERO_WIDTH_JOINER) {
      return 0;
    }
    switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT:
        return 0;
      default:
        break;
    }
    if ((cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
        || (cp >= 0x1F3FB && cp <= 0x1F3FF)) { // skin tones: they colour the emoji before them
      return 0;
    }
    return wide(cp) ? 2 : 1;
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) // Hangul Jamo initials
        || (cp >= 0x2E80 && cp <= 0x303E) // CJK radicals, punctuation
        || (cp >= 0x3041 && cp <= 0x33FF) // kana, CJK compatibility
        || (cp >= 0x3400 && cp <= 0x4DBF) // CJK extension A
        || (cp >= 0x4E00 && cp <= 0x9FFF) // CJK unified ideographs
        || (cp >= 0xA000 && cp <= 0xA4CF) // Yi
        || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
        || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
        || (cp >= 0xFE30 && cp <= 0xFE4F) // CJK compatibility forms
        || (cp >= 0xFF00 && cp <= 0xFF60) // fullwidth forms
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs, emoticons
        || (cp >= 0x1F900 && cp <= 0x1F9FF) // supplemental symbols and pictographs
        || (cp >= 0x1FA70 && cp <= 0x1FAFF) // symbols and pictographs extended-A
        || (cp >= 0x1F680 && cp <= 0x1F6FF) // transport and map symbols
        || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B and later
  }
}
