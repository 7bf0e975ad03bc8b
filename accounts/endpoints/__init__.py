"""HTTP routes of the accounts domain: the merchant's settings (`settings.api`) and its keys, audit
log and rate-limit refusals (`security.api`)."""
