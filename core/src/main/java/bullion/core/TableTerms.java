package bullion.core;

import java.math.BigInteger;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * What a table is played for: its name, currency, the price of one buy-in and the chips it gets, and how a
 * buy-in is paid unless it says otherwise ({@code defaultPaid}, {@link Paid#DEFAULT} when not given).
 * One chip is worth {@code buyIn / chipsPerBuyIn}, which need not be a whole number of minor units.
 */
public record TableTerms(String name, Currency currency, Money buyIn, long chipsPerBuyIn, Paid defaultPaid) {

    public TableTerms(String name, Currency currency, Money buyIn, long chipsPerBuyIn) {
        this(name, currency, buyIn, chipsPerBuyIn, Paid.DEFAULT);
    }

    public TableTerms {
        defaultPaid = defaultPaid == null ? Paid.DEFAULT : defaultPaid;
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(buyIn, "buyIn");
        if (!buyIn.currency().equals(currency)) {
            throw new IllegalArgumentException("buy-in must be in " + currency);
        }
        if (buyIn.minor() <= 0 || chipsPerBuyIn <= 0) {
            throw new IllegalArgumentException("buy-in and chips per buy-in must be positive");
        }
    }

    /**
     * The price of {@code chips} chips, {@code chips × buyIn / chipsPerBuyIn}, when that is a whole number of
     * minor units; empty otherwise.
     */
    public Optional<Money> priceOfChips(long chips) {
        BigInteger[] qr = BigInteger.valueOf(chips)
                .multiply(BigInteger.valueOf(buyIn.minor()))
                .divideAndRemainder(BigInteger.valueOf(chipsPerBuyIn));
        return qr[1].signum() == 0 ? Optional.of(new Money(qr[0].longValueExact(), currency)) : Optional.empty();
    }

    /** The smallest number of chips that costs whole minor units; every valid chip buy-in is a multiple of it. */
    public long chipStep() {
        return chipsPerBuyIn
                / BigInteger.valueOf(chipsPerBuyIn)
                        .gcd(BigInteger.valueOf(buyIn.minor()))
                        .longValue();
    }
}
