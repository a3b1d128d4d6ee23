package org.virtregress.version;

/**
 * Compares rpm version or release strings exactly as rpm's {@code rpmvercmp} does: alternating
 * numeric and alphabetic segments, separators ignored, leading zeros ignored, a longer number
 * newer, a number newer than letters, {@code ~} older than anything (even the end of the
 * string) and {@code ^} newer than the end of the string but older than any further segment.
 * Stateless and thread-safe.
 */
public final class RpmVersion {
    private RpmVersion() {
    }

    /**
     * Compares two version (or release) strings.
     *
     * @param a the first string
     * @param b the second string
     * @return a negative number, zero or a positive number as {@code a} is older than, equal to or
     *     newer than {@code b}; always -1, 0 or 1
     */
    public static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            i = skipSeparators(a, i);
            j = skipSeparators(b, j);
            char one = charAt(a, i);
            char two = charAt(b, j);
            if (one == '~' || two == '~') {
                if (one != '~') {
                    return 1;
                }
                if (two != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (one == '^' || two == '^') {
                if (one == 0) {
                    return -1;
                }
                if (two == 0) {
                    return 1;
                }
                if (one != '^') {
                    return 1;
                }
                if (two != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (one == 0 || two == 0) {
                break;
            }
            boolean numeric = isDigit(one);
            int end1 = segmentEnd(a, i, numeric);
            int end2 = segmentEnd(b, j, numeric);
            if (end2 == j) {
                return numeric ? 1 : -1;
            }
            int rc = numeric
                    ? compareNumbers(a.substring(i, end1), b.substring(j, end2))
                    : Integer.signum(a.substring(i, end1).compareTo(b.substring(j, end2)));
            if (rc != 0) {
                return rc;
            }
            i = end1;
            j = end2;
        }
        boolean endA = i >= a.length();
        boolean endB = j >= b.length();
        if (endA && endB) {
            return 0;
        }
        return endA ? -1 : 1;
    }

    private static int compareNumbers(String x, String y) {
        String one = stripZeros(x);
        String two = stripZeros(y);
        if (one.length() != two.length()) {
            return one.length() > two.length() ? 1 : -1;
        }
        return Integer.signum(one.compareTo(two));
    }

    private static String stripZeros(String s) {
        int k = 0;
        while (k < s.length() && s.charAt(k) == '0') {
            k++;
        }
        return s.substring(k);
    }

    private static int skipSeparators(String s, int from) {
        int k = from;
        while (k < s.length() && !isAlnum(s.charAt(k)) && s.charAt(k) != '~' && s.charAt(k) != '^') {
            k++;
        }
        return k;
    }

    private static int segmentEnd(String s, int from, boolean numeric) {
        int k = from;
        while (k < s.length() && (numeric ? isDigit(s.charAt(k)) : isAlpha(s.charAt(k)))) {
            k++;
        }
        return k;
    }

    private static char charAt(String s, int k) {
        return k < s.length() ? s.charAt(k) : 0;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || isAlpha(c);
    }
}
