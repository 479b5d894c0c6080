package io.attache.extract.text;

import java.text.Normalizer;

/** Case- and accent-folding of words, so that names compare the way ANNOTATION.md section 6 says. */
public final class Fold {

    private Fold() {
    }

    /** Lower case without diacritics; ASCII input takes a fast path. */
    public static String word(CharSequence s) {
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                ascii = false;
                break;
            }
        }
        String lower = s.toString().toLowerCase(java.util.Locale.ROOT);
        if (ascii) {
            return lower;
        }
        String d = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                b.append(c == 'ı' ? 'i' : c);
            }
        }
        return b.toString();
    }

    /** A whole name as space-separated folded words: "Kim Jong-un" and "KIM JONG UN" give "kim jong un". */
    public static String name(String s) {
        if (s == null) {
            return "";
        }
        String f = word(s);
        StringBuilder b = new StringBuilder(f.length());
        boolean space = false;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                b.append(c);
                space = false;
            } else {
                space = true;
            }
        }
        return b.toString();
    }
}
