"""The shop's events (Standard Webhooks payloads ``{"type", "timestamp", "data"}``) and orders in answers.

`parse_event` turns a payload into the input of one `referral.service.orders` use case, or
raises `InvalidInput` naming every wrong field (``data.lines.1.unit_price``). Amounts are
decimal strings in major units (``"19.90"``) or integers of minor units (``1990``), never
floats; a string with more decimals than the currency has is refused.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StrictInt,
    StringConstraints,
    ValidationError,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from core.api import check_storable, validation_problem
from core.errors import InvalidInput
from core.iso_time import IsoDate, IsoInstant
from core.money import MAX_MINOR, MoneyFormatError, format_major, parse_minor
from referral.models import Channel
from referral.service.order_inputs import LineInput, OrderInput, RefundInput, StatusChange
from referral.service.order_views import (
    OrderDetail,
    OrderOutcome,
    OrderPage,
    OrderView,
    RefundOutcome,
    RefundView,
)

#: Most lines one order may have (one multi-row INSERT stays far below PostgreSQL's parameter limit).
MAX_LINES = 1000


class EventType(StrEnum):
    order_created = "order.created"
    order_completed = "order.completed"
    order_canceled = "order.canceled"
    order_refunded = "order.refunded"


def _text(longest: int) -> Any:
    return Annotated[str, StringConstraints(min_length=1, max_length=longest)]


def _amount(value: Any) -> str | int:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise PydanticCustomError(
            "amount_type", 'expected a decimal string ("19.90") or integer minor units (1990), not {kind}',
            {"kind": type(value).__name__},
        )
    return value


#: Money in: a decimal string in major units, or an integer of minor units; never a float.
Amount = Annotated[
    str | int,
    PlainValidator(_amount),
    WithJsonSchema({"type": ["string", "integer"]}),
    Field(description='decimal string in major units ("19.90") or integer minor units (1990)'),
]
Quantity = Annotated[StrictInt, Field(gt=0, le=MAX_MINOR)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OrderLineIn(_Strict):
    sku: _text(100) = Field(description="identifies the line; unique within an order")
    category: Annotated[str, StringConstraints(max_length=100)] = ""
    quantity: Quantity
    unit_price: Amount


class OrderCreatedData(_Strict):
    external_id: _text(200) = Field(description="the shop's order id")
    occurred_at: IsoInstant = Field(description="when the order was placed; must carry a UTC offset")
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{3}$")] = Field(
        description="ISO 4217; must be the merchant's currency"
    )
    channel: Channel
    store_id: _text(100) | None = Field(None, description="the store, for channel store")
    customer_ref: _text(200) | None = Field(None, description="the shop's customer reference (bindings, self-referral)")
    lines: list[OrderLineIn] = Field(min_length=1, max_length=MAX_LINES)
    discount: Amount = Field(0, description="order-level discount, split over the lines by gross")
    click_id: _text(100) | None = Field(None, description="the relay_click the shop received")
    visitor_id: _text(64) | None = Field(None, description="the visitor id, for last-click attribution")
    partner_code: _text(32) | None = Field(None, description="a partner code entered at the till or checkout")


class OrderStatusData(_Strict):
    external_id: _text(200)
    occurred_at: IsoInstant


class RefundLineIn(_Strict):
    sku: _text(100)
    quantity: Quantity


class OrderRefundedData(_Strict):
    external_id: _text(200) = Field(description="the shop's order id")
    refund_id: _text(200) = Field(description="the shop's refund id; unique within the order")
    occurred_at: IsoInstant
    lines: list[RefundLineIn] | None = Field(None, min_length=1, max_length=MAX_LINES)
    amount: Amount | None = Field(None, description="an amount-only refund, split over the lines")

    @model_validator(mode="after")
    def _lines_or_amount(self) -> OrderRefundedData:
        if (self.lines is None) == (self.amount is None):
            raise ValueError("give either lines (sku and quantity) or an amount, not both")
        return self


class EventIn(_Strict):
    """A shop event as the shop signs and sends it."""

    type: EventType
    timestamp: IsoInstant
    data: OrderCreatedData | OrderStatusData | OrderRefundedData = Field(
        description="order.created: OrderCreatedData; order.completed and order.canceled: "
        "OrderStatusData; order.refunded: OrderRefundedData"
    )


_DATA = {
    EventType.order_created: OrderCreatedData,
    EventType.order_completed: OrderStatusData,
    EventType.order_canceled: OrderStatusData,
    EventType.order_refunded: OrderRefundedData,
}

ShopCommand = OrderInput | StatusChange | RefundInput


def parse_event(payload: Any, currency: str) -> tuple[EventType, ShopCommand]:
    """The event type and its use-case input; `currency` is the merchant's."""
    if not isinstance(payload, dict):
        raise InvalidInput("the event must be a JSON object", [{"field": "", "message": "expected an object"}])
    kind = payload.get("type")
    if not isinstance(kind, str) or kind not in _DATA:
        expected = ", ".join(t.value for t in EventType)
        message = f"unknown event type {kind!r}; expected one of {expected}"
        raise InvalidInput(f"type: {message}", [{"field": "type", "message": message}])
    event_type = EventType(kind)
    try:
        _Envelope.model_validate({k: v for k, v in payload.items() if k != "data"})
    except ValidationError as exc:
        raise validation_problem(exc, "") from None
    try:
        data = _DATA[event_type].model_validate(payload.get("data"))
    except ValidationError as exc:
        raise validation_problem(exc, "data") from None
    check_storable(data.model_dump(), "data")
    errors = _Errors()
    if event_type == EventType.order_created:
        assert isinstance(data, OrderCreatedData)
        command: ShopCommand = _order(data, currency, errors)
    elif event_type == EventType.order_refunded:
        assert isinstance(data, OrderRefundedData)
        command = _refund(data, currency, errors)
    else:
        assert isinstance(data, OrderStatusData)
        command = StatusChange(data.external_id, _utc(data.occurred_at))
    errors.raise_any()
    return event_type, command


class _Envelope(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: str
    timestamp: IsoInstant


class _Errors:
    def __init__(self) -> None:
        self.found: list[dict[str, str]] = []

    def add(self, field: str, message: str) -> None:
        self.found.append({"field": field, "message": message})

    def money(self, value: str | int, currency: str, field: str) -> int:
        try:
            minor = parse_minor(value, currency, field=field)
        except MoneyFormatError as exc:
            self.add(field, str(exc).removeprefix(f"{field}: "))
            return 0
        if minor < 0:
            self.add(field, "must not be negative")
        return minor

    def raise_any(self) -> None:
        if self.found:
            first = self.found[0]
            raise InvalidInput(f"{first['field']}: {first['message']}", self.found)


def _order(data: OrderCreatedData, currency: str, errors: _Errors) -> OrderInput:
    if data.currency.upper() != currency:
        errors.add("data.currency", f"must be the merchant's currency {currency}, not {data.currency!r}")
    lines: list[LineInput] = []
    seen: dict[str, int] = {}
    for index, line in enumerate(data.lines):
        field = f"data.lines.{index}"
        if line.sku in seen:
            errors.add(f"{field}.sku", f"duplicate sku {line.sku!r} (also line {seen[line.sku]})")
        seen.setdefault(line.sku, index)
        price = errors.money(line.unit_price, currency, f"{field}.unit_price")
        if line.quantity * price > MAX_MINOR:
            errors.add(field, "quantity × unit_price does not fit 64 bits")
        lines.append(LineInput(line.sku, line.category, line.quantity, price))
    discount = errors.money(data.discount, currency, "data.discount")
    subtotal = sum(line.quantity * line.unit_price_minor for line in lines)
    if errors.found:
        pass  # the subtotal of wrong lines says nothing about the discount
    elif subtotal > MAX_MINOR:
        errors.add("data.lines", "the order subtotal does not fit 64 bits")
    elif discount > subtotal:
        errors.add(
            "data.discount",
            f"{format_major(discount, currency)} is more than the subtotal {format_major(subtotal, currency)}",
        )
    return OrderInput(
        external_id=data.external_id,
        occurred_at=_utc(data.occurred_at),
        currency=currency,
        channel=data.channel.value,
        lines=tuple(lines),
        discount_minor=discount,
        customer_ref=data.customer_ref,
        store_id=data.store_id,
        click_id=data.click_id,
        visitor_id=data.visitor_id,
        partner_code=data.partner_code,
    )


def _refund(data: OrderRefundedData, currency: str, errors: _Errors) -> RefundInput:
    lines = None
    amount = None
    if data.lines is not None:
        seen: set[str] = set()
        for index, line in enumerate(data.lines):
            if line.sku in seen:
                errors.add(f"data.lines.{index}.sku", f"duplicate sku {line.sku!r}")
            seen.add(line.sku)
        lines = tuple((line.sku, line.quantity) for line in data.lines)
    else:
        assert data.amount is not None
        amount = errors.money(data.amount, currency, "data.amount")
        if amount == 0:
            errors.add("data.amount", "must be more than zero")
    return RefundInput(data.external_id, data.refund_id, _utc(data.occurred_at), lines, amount)


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


# --- answers -----------------------------------------------------------------------------------------


class LineOut(BaseModel):
    id: int
    line_no: int
    sku: str
    category: str
    quantity: int
    unit_price_minor: int
    gross_minor: int
    discount_minor: int = Field(description="this line's share of the order discount")
    net_minor: int = Field(description="gross − discount share: what commissions are computed on")
    net: str


class AttributionOut(BaseModel):
    partner_id: int | None
    reason: str = Field(description="partner_code, binding, click_id, last_click, first_click, or none_… (why not)")
    click_id: str | None
    link_id: int | None
    scene: str | None
    is_first_order: bool = Field(description="the customer's first attributed order at this merchant")


class OrderOut(BaseModel):
    external_id: str
    status: str
    customer_ref: str | None
    currency: str
    channel: str
    store_id: str | None
    occurred_at: datetime
    subtotal_minor: int
    discount_minor: int
    total_minor: int
    total: str = Field(description="total_minor as a decimal string in major units")
    completed_at: datetime | None
    canceled_at: datetime | None
    attribution: AttributionOut
    lines: list[LineOut]

    @classmethod
    def of(cls, order: OrderView) -> OrderOut:
        a = order.attribution
        return cls(
            external_id=order.external_id,
            status=order.status,
            customer_ref=order.customer_ref,
            currency=order.currency,
            channel=order.channel,
            store_id=order.store_id,
            occurred_at=order.occurred_at,
            subtotal_minor=order.subtotal_minor,
            discount_minor=order.discount_minor,
            total_minor=order.total_minor,
            total=format_major(order.total_minor, order.currency),
            completed_at=order.completed_at,
            canceled_at=order.canceled_at,
            attribution=AttributionOut(
                partner_id=a.partner_id, reason=a.reason, click_id=a.click_id, link_id=a.link_id,
                scene=a.scene, is_first_order=a.is_first_order,
            ),
            lines=[
                LineOut(
                    id=line.id, line_no=line.line_no, sku=line.sku, category=line.category,
                    quantity=line.quantity, unit_price_minor=line.unit_price_minor, gross_minor=line.gross_minor,
                    discount_minor=line.discount_minor, net_minor=line.net_minor,
                    net=format_major(line.net_minor, order.currency),
                )
                for line in order.lines
            ],
        )


class RefundLineOut(BaseModel):
    sku: str
    line_no: int
    quantity: int = Field(description="units returned; 0 for an amount-only refund")
    amount_minor: int = Field(description="net amount refunded on this line")


class RefundOut(BaseModel):
    refund_id: str
    amount_minor: int
    amount: str
    occurred_at: datetime
    lines: list[RefundLineOut]

    @classmethod
    def of(cls, refund: RefundView, currency: str) -> RefundOut:
        return cls(
            refund_id=refund.external_id,
            amount_minor=refund.amount_minor,
            amount=format_major(refund.amount_minor, currency),
            occurred_at=refund.occurred_at,
            lines=[
                RefundLineOut(sku=p.sku, line_no=p.line_no, quantity=p.quantity, amount_minor=p.amount_minor)
                for p in refund.lines
            ],
        )


class EventReply(BaseModel):
    """The answer to a shop event; a replay of the same webhook-id gets the same answer again."""

    type: EventType
    applied: bool = Field(description="false when the event changed nothing (already received)")
    order: OrderOut
    refund: RefundOut | None = None

    @classmethod
    def of(cls, event_type: EventType, outcome: OrderOutcome | RefundOutcome) -> EventReply:
        refund = None
        if isinstance(outcome, RefundOutcome):
            refund = RefundOut.of(outcome.refund, outcome.order.currency)
        return cls(type=event_type, applied=outcome.applied, order=OrderOut.of(outcome.order), refund=refund)


class OrderDetailOut(OrderOut):
    refunded_minor: int
    refunds: list[RefundOut]

    @classmethod
    def of_detail(cls, detail: OrderDetail) -> OrderDetailOut:
        base = OrderOut.of(detail.order).model_dump()
        return cls(
            **base,
            refunded_minor=detail.refunded_minor,
            refunds=[RefundOut.of(r, detail.order.currency) for r in detail.refunds],
        )


class OrderList(BaseModel):
    items: list[OrderOut]
    next_cursor: str | None = Field(description="pass as cursor for the next page; null on the last")

    @classmethod
    def of(cls, page: OrderPage) -> OrderList:
        return cls(items=[OrderOut.of(o) for o in page.items], next_cursor=page.next_cursor)


class OrderQuery(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: IsoDate | None = Field(None, alias="from", description="first day, in the merchant's time zone")
    to: IsoDate | None = Field(None, description="last day (included), in the merchant's time zone")
    partner_id: int | None = Field(None, gt=0)
    limit: int = Field(50, ge=1, le=200)
    cursor: str | None = Field(None, max_length=200)
