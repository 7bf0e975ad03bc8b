"""Use cases of the payouts domain, one module per subject; other code calls these, never the tables."""
