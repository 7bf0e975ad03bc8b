"""The notifications domain's use cases: `notify` (record notices in the caller's transaction),
`inbox` (what a partner reads), `preferences` (channels chosen and enabled), `delivery` (the
outbox side: claiming due notices and recording what their send did)."""

from notifications.service.inbox import Notice, notice_rows, notify

__all__ = ["Notice", "notice_rows", "notify"]
