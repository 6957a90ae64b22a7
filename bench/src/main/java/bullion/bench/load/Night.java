package bullion.bench.load;

import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One table as the generator plays it: its id and token, how many players sit and the chips on it, so cash-outs
 * are ones the rules accept (a refusal would measure the wrong thing).
 */
public final class Night {

    static final int CHIPS_PER_BUY_IN = 100;
    static final int MAX_PLAYERS = 12;

    final String id;
    final String token;
    // Players the server confirmed: its ids are 1..seated, given in joining order. Names only ever grow.
    final AtomicInteger seated = new AtomicInteger();
    final AtomicInteger names = new AtomicInteger();
    final AtomicLong chipsOnTable = new AtomicLong();
    final AtomicLong events = new AtomicLong();

    private Night(String id, String token) {
        this.id = id;
        this.token = token;
    }

    public String id() {
        return id;
    }

    public String token() {
        return token;
    }

    public long events() {
        return events.get();
    }

    /** Opens a table, seats {@code players} who each buy in, then plays on until it has {@code eventsBefore} events. */
    public static Night open(Api api, String name, int players, int eventsBefore, SplittableRandom random)
            throws IOException, InterruptedException {
        Api.Reply created = api.openTable(name);
        expect(created, 201, "open a table");
        Night night = new Night(
                created.json().get("id").asText(),
                created.json().get("manageToken").asText());
        night.events.set(1);
        for (int p = 0; p < players; p++) {
            expect(night.join(api), 201, "seat a player");
        }
        for (int p = 1; p <= players; p++) {
            expect(night.buyIn(api, p), 201, "buy in");
        }
        while (night.events.get() < eventsBefore) {
            Api.Reply reply = night.change(api, random);
            if (reply.status() != 201) {
                throw new IllegalStateException("a change during set-up got " + reply.status() + ": " + reply.body());
            }
        }
        return night;
    }

    /** A realistic change: mostly buy-ins, some cash-outs when chips are on the table, now and then a new player. */
    public Api.Reply change(Api api, SplittableRandom random) throws IOException, InterruptedException {
        int roll = random.nextInt(10);
        int sitting = seated.get();
        if (roll == 0 && sitting < MAX_PLAYERS) {
            return join(api);
        }
        if (roll <= 3) {
            long chips = 1 + random.nextInt(150);
            if (take(chips)) {
                Api.Reply reply = api.cashOut(id, token, 1 + random.nextInt(sitting), chips);
                if (reply.status() == 201) {
                    events.incrementAndGet();
                } else {
                    chipsOnTable.addAndGet(chips);
                }
                return reply;
            }
        }
        return buyIn(api, 1 + random.nextInt(sitting));
    }

    Api.Reply buyIn(Api api, int player) throws IOException, InterruptedException {
        Api.Reply reply = api.buyIn(id, token, player);
        if (reply.status() == 201) {
            chipsOnTable.addAndGet(CHIPS_PER_BUY_IN);
            events.incrementAndGet();
        }
        return reply;
    }

    private Api.Reply join(Api api) throws IOException, InterruptedException {
        // Names are unique per table and never reused, so a refused join never blocks the next one.
        Api.Reply reply = api.addPlayer(id, token, "Player " + names.incrementAndGet());
        if (reply.status() == 201) {
            seated.incrementAndGet();
            events.incrementAndGet();
        }
        return reply;
    }

    // Reserves chips for a cash-out so that concurrent cash-outs never ask for more than is on the table.
    private boolean take(long chips) {
        long now;
        do {
            now = chipsOnTable.get();
            if (now < chips) {
                return false;
            }
        } while (!chipsOnTable.compareAndSet(now, now - chips));
        return true;
    }

    static void expect(Api.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException("could not " + what + ": " + reply.status() + " " + reply.body());
        }
    }
}
