"""The points wallet: points credited by a payout batch, spent at the shop's checkout, given back on
refunds, lapsing after the merchant's expiry. Its ledger entries are the payouts domain's
(payouts/ledger.py); its tables are in payouts/models.py."""
