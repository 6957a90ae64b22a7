package bullion.core;

import java.util.Objects;

/** Someone at the table. The id is given when they join and is never reused within the table. */
public record Player(int id, String name) {

  public Player {
    Objects.requireNonNull(name, "name");
    if (id <= 0) {
      throw new IllegalArgumentException("player ids start at 1");
    }
  }
}
