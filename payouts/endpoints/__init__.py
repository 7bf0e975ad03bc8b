"""HTTP routes of the payouts domain: payout batches and payout terms (`batches`), balances and
statements (`balances`); the points wallet's are in payouts/wallet/endpoints.py."""
