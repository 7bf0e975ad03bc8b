"""Commissions: rule sets and their evaluation, commissions and reversals, simulation.

The pure core needs no database: `ruleset` (a rule set's JSON shape and validation), `rules`
(evaluation), `reversals` (refund share math), `incentive` (the referred customer's discount).
"""
