"""Use cases of the commissions domain, one module per subject; other domains call these only.

terms (a merchant's settings), rule_sets (versions, publishing), earning (an order's commissions),
lifecycle (completion, cancellation, refunds, the release job, rejection), queries (the read API),
checkout (the referred customer's discount), simulation (a rule set replayed over past orders),
settlement (what payouts claims for a batch).
"""
