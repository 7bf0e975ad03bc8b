"""Referral: partners, share links, QR codes, clicks, orders from the shop's events, attribution, fraud facts, reports."""
