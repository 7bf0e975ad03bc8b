"""Accounts: merchants and their settings, API keys, staff accounts and sign-in, the audit log,
webhook receipts and rate-limit refusals: what every domain needs about who is calling."""
