"""Payouts: the double-entry ledger and balances, withholding, bank files (payout batches build on these)."""
