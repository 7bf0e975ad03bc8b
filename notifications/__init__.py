"""Telling partners what happened: an inbox message per event, and an email or SMS as each
partner chooses per kind, within the channels their merchant enables.

Sits between commissions and referral (relay → payouts → commissions → notifications → referral →
accounts → core): the domains where things happen to a partner's money (commissions, payouts) and
relay's crossings (applications, new orders) record notices through `notifications.service.notify`
inside their own transaction; rendering in the partner's language and sending are relay's
(relay/notify.py, relay/pages/mail/notices.py).
"""
