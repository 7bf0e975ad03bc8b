"""Referral: merchants and their keys, partners, share links, QR codes, clicks, shop events, attribution."""
