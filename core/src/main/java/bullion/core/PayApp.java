package bullion.core;

import java.util.regex.Pattern;

/**
 * The payment apps a player may give a handle for, each with its handle rule as that service states it. A
 * handle is kept without its sign ({@code @} or {@code $}), which {@link PayHandles#check} strips.
 */
public enum PayApp {
    /** Venmo usernames: 5 to 30 letters, digits, hyphens or underscores. */
    VENMO("Venmo", "@", Pattern.compile("[A-Za-z0-9_-]{5,30}"), "5 to 30 letters, digits, hyphens or underscores"),
    /** PayPal.me links: up to 20 letters and digits. */
    PAYPAL("PayPal.me", "", Pattern.compile("[A-Za-z0-9]{1,20}"), "up to 20 letters and digits"),
    /** Cash App $Cashtags: 1 to 20 letters and digits, at least one a letter. */
    CASH_APP(
            "Cash App",
            "$",
            Pattern.compile("(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{1,20}"),
            "1 to 20 letters and digits, at least one of them a letter"),
    /** Revolut usernames (revolut.me): 3 to 16 lowercase letters and digits. */
    REVOLUT("Revolut", "@", Pattern.compile("[a-z0-9]{3,16}"), "3 to 16 lowercase letters and digits"),
    /** Monzo.me usernames: 3 to 20 letters and digits. */
    MONZO("Monzo", "", Pattern.compile("[A-Za-z0-9]{3,20}"), "3 to 20 letters and digits");

    private final String label;
    private final String sign;
    private final Pattern rule;
    private final String ruleText;

    PayApp(String label, String sign, Pattern rule, String ruleText) {
        this.label = label;
        this.sign = sign;
        this.rule = rule;
        this.ruleText = ruleText;
    }

    /** The service's own name, for people: "Cash App". */
    public String label() {
        return label;
    }

    /** The sign a handle is written with on this service ("@", "$"), empty if none. */
    public String sign() {
        return sign;
    }

    /** The longest handle the rule accepts, with its sign: a form's field takes no more. */
    public int maxLength() {
        String rule = this.rule.pattern();
        return sign.length() + Integer.parseInt(rule.substring(rule.lastIndexOf(',') + 1, rule.lastIndexOf('}')));
    }

    /** The handle rule as a sentence fragment: "5 to 30 letters, digits, hyphens or underscores". */
    public String ruleText() {
        return ruleText;
    }

    boolean accepts(String handle) {
        return rule.matcher(handle).matches();
    }
}
