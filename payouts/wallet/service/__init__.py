"""Use cases of the points wallet: redemptions, restores, balance and history (`redemptions`), and
expiry (`expiry`)."""
