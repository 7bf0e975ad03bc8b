"""Use cases of the referral domain, one module per subject; other domains call these only."""
