"""Orders as the shop reported them, with their lines, refunds and attribution (admin, read-only).

Orders are written only by the shop's signed events (relay/shop_events.py).
"""

from __future__ import annotations

from accounts.models import Role
from core.api import Call
from referral.endpoints import api
from referral.schemas.orders import OrderDetailOut, OrderList, OrderQuery
from referral.service import orders


@api.endpoint("GET", "/api/v1/orders", summary="List orders", roles=[Role.admin], query=OrderQuery, response=OrderList)
async def list_orders(call: Call) -> OrderList:
    """Newest first. `from` and `to` are days in the merchant's time zone, both included;
    `partner_id` keeps the orders attributed to that partner."""
    q: OrderQuery = call.query
    page = await orders.list_orders(
        call.merchant_id, first_day=q.from_, last_day=q.to, partner_id=q.partner_id, limit=q.limit, cursor=q.cursor
    )
    return OrderList.of(page)


@api.endpoint(
    "GET", "/api/v1/orders/{external_id}", summary="Get an order by the shop's order id",
    roles=[Role.admin], response=OrderDetailOut,
)
async def get_order(call: Call) -> OrderDetailOut:
    """The order with its lines (net of the discount share), its refunds and the attribution reason.
    The id is one path segment, percent-encoded (an id containing "/" is found through the list)."""
    return OrderDetailOut.of_detail(await orders.get_order(call.merchant_id, call.path["external_id"]))
