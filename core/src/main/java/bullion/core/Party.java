package bullion.core;

/**
 * One side of a payment in the settle-up: a player, or the bank (the host's cash box, which holds the cash
 * handed over at buy-in and pays it all out at the end).
 */
public sealed interface Party {

    Bank BANK = new Bank();

    record Bank() implements Party {}

    record Player(int playerId) implements Party {}

    static Party player(int playerId) {
        return new Player(playerId);
    }
}
