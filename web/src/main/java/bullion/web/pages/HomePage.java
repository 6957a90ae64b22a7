package bullion.web.pages;

import java.util.List;

/**
 * The home page: the open-a-table form (with what was typed, and a refusal beside its field) and the
 * open-by-link form.
 */
public record HomePage(
        String name,
        String price,
        String chips,
        String currency,
        String nameError,
        String priceError,
        String chipsError,
        String currencyError,
        String formError,
        String link,
        String linkError,
        List<String> currencies) {

    /** Currencies offered as suggestions; any ISO 4217 code with a minor unit is accepted. */
    static final List<String> SUGGESTED = List.of("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "SEK", "NOK", "DKK");

    public HomePage {
        currencies = List.copyOf(currencies);
    }

    static HomePage blank() {
        return typed("", "20", "200", "USD");
    }

    static HomePage typed(String name, String price, String chips, String currency) {
        return new HomePage(name, price, chips, currency, "", "", "", "", "", "", "", SUGGESTED);
    }

    /** The home page after a redirect that carried a refusal of the open-a-table form, or a blank one. */
    static HomePage after(RefusedForm refused) {
        if (refused.field().isEmpty()) {
            return blank();
        }
        return typed(
                        refused.typed().getOrDefault("name", ""),
                        refused.typed().getOrDefault("price", ""),
                        refused.typed().getOrDefault("chips", ""),
                        refused.typed().getOrDefault("currency", ""))
                .withError(refused.field(), refused.message());
    }

    HomePage withLink(String typed) {
        return new HomePage(name, price, chips, currency, "", "", "", "", "", typed, "", currencies);
    }

    /** {@code field}: name, price, chips, currency, form (the whole form) or link. */
    HomePage withError(String field, String message) {
        return new HomePage(
                name,
                price,
                chips,
                currency,
                field.equals("name") ? message : "",
                field.equals("price") ? message : "",
                field.equals("chips") ? message : "",
                field.equals("currency") ? message : "",
                field.equals("form") ? message : "",
                link,
                field.equals("link") ? message : "",
                currencies);
    }
}
