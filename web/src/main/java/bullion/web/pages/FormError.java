package bullion.web.pages;

/**
 * A refusal to show beside the control that caused it. {@code control} names the control: "add-player",
 * "buy-in:3", "cash-out:3", "void:5" or "status" (close and reopen).
 */
record FormError(String control, String message) {

  static FormError addPlayer(String message) {
    return new FormError("add-player", message);
  }

  static FormError buyIn(int playerId, String message) {
    return new FormError("buy-in:" + playerId, message);
  }

  static FormError cashOut(int playerId, String message) {
    return new FormError("cash-out:" + playerId, message);
  }

  static FormError voidEntry(int seq, String message) {
    return new FormError("void:" + seq, message);
  }

  static FormError status(String message) {
    return new FormError("status", message);
  }
}
