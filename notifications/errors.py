"""Errors of the notifications domain."""

from __future__ import annotations

from core.errors import NotFound


class NotificationNotFound(NotFound):
    def __init__(self, notification_id: int) -> None:
        super().__init__(f"notification {notification_id} not found", notification_id=notification_id)
