package bullion.web;

import java.util.Random;

/** Inputs for the tests that hold a hand-written shape check to the regular expression it replaced. */
public final class RandomText {

    private RandomText() {}

    /**
     * Up to {@code maxLength} characters, mostly from {@code alphabet} (characters near the edges of each class), one in
     * ten anywhere below U+0300 (Latin-1, Unicode, controls).
     */
    public static String of(Random random, int maxLength, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(
                    random.nextInt(10) == 0
                            ? (char) random.nextInt(0x300)
                            : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
