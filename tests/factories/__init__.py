"""Factories: plain async functions with keyword overrides, one module per domain."""
