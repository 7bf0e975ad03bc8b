"""Use cases of the accounts domain, one module per subject; other domains call these only."""
