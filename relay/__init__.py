"""Relay's entry points: the app factory, the command line and the settings."""

__version__ = "0.1.0"
