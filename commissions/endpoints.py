"""HTTP routes of the commissions domain: terms, rule sets, commissions, the checkout incentive.

Each endpoint parses, calls one service function, and renders.
"""

from __future__ import annotations

from accounts.service.audit import actor_of
from commissions.schemas import (
    CommissionDetail,
    CommissionList,
    CommissionOut,
    CommissionQuery,
    IncentiveOut,
    IncentiveRequest,
    PartnerTotals,
    RuleSetBody,
    RuleSetList,
    RuleSetOut,
    SignalList,
    SignalQuery,
    SimulationOut,
    SimulationRequest,
    TermsOut,
    TermsUpdate,
    TotalOut,
)
from commissions.service import checkout, fraud, queries, rule_sets, simulation, terms
from core.api import Api, Call

api = Api("commissions")

ADMIN = ("admin",)
INTEGRATION = ("integration",)


# --- terms ------------------------------------------------------------------------------------


@api.endpoint("GET", "/api/v1/commission-terms", summary="Get the commission terms", roles=ADMIN, response=TermsOut)
async def get_commission_terms(call: Call) -> TermsOut:
    """Hold days after completion, rounding, and the points rate (defaults until first changed)."""
    return TermsOut.of(await terms.get_terms(call.merchant_id))


@api.endpoint(
    "PATCH", "/api/v1/commission-terms", summary="Change the commission terms", roles=ADMIN,
    body=TermsUpdate, response=TermsOut,
)
async def update_commission_terms(call: Call) -> TermsOut:
    """Only the fields sent change; commissions already computed keep their amounts and dates."""
    return TermsOut.of(await terms.update_terms(call.merchant_id, call.body.changes(), actor=actor_of(call.principal)))


# --- rule sets --------------------------------------------------------------------------------


@api.endpoint(
    "POST", "/api/v1/rule-sets", summary="Create a draft rule-set version", roles=ADMIN,
    body=RuleSetBody, response=RuleSetOut, status=201,
)
async def create_rule_set(call: Call) -> RuleSetOut:
    """The content is validated against the merchant's currency and partner groups; every
    invalid field is named in `errors` (`content.rules.0.level`)."""
    return RuleSetOut.of(await rule_sets.create_draft(call.merchant_id, call.body.content, actor=actor_of(call.principal)))


@api.endpoint("GET", "/api/v1/rule-sets", summary="List rule-set versions", roles=ADMIN, response=RuleSetList)
async def list_rule_sets(call: Call) -> RuleSetList:
    return RuleSetList(items=[RuleSetOut.of(v) for v in await rule_sets.list_versions(call.merchant_id)])


@api.endpoint(
    "GET", "/api/v1/rule-sets/active", summary="Get the active rule set", roles=ADMIN, response=RuleSetOut
)
async def get_active_rule_set(call: Call) -> RuleSetOut:
    """404 until a version is published."""
    return RuleSetOut.of(await rule_sets.get_active(call.merchant_id))


@api.endpoint(
    "GET", "/api/v1/rule-sets/{version:int32}", summary="Get a rule-set version", roles=ADMIN, response=RuleSetOut
)
async def get_rule_set(call: Call) -> RuleSetOut:
    return RuleSetOut.of(await rule_sets.get_version(call.merchant_id, call.path["version"]))


@api.endpoint(
    "PUT", "/api/v1/rule-sets/{version:int32}", summary="Replace a draft's content", roles=ADMIN,
    body=RuleSetBody, response=RuleSetOut,
)
async def update_rule_set(call: Call) -> RuleSetOut:
    """Only a draft can change (409 otherwise): published versions are what commissions point at."""
    updated = await rule_sets.update_draft(
        call.merchant_id, call.path["version"], call.body.content, actor=actor_of(call.principal)
    )
    return RuleSetOut.of(updated)


@api.endpoint(
    "POST", "/api/v1/rule-sets/{version:int32}/publish", summary="Publish a draft", roles=ADMIN,
    response=RuleSetOut,
)
async def publish_rule_set(call: Call) -> RuleSetOut:
    """The draft becomes the active version and the previously active one is retired, at once.
    Commissions already computed keep the version they were computed with."""
    return RuleSetOut.of(await rule_sets.publish(call.merchant_id, call.path["version"], actor=actor_of(call.principal)))


@api.endpoint(
    "POST", "/api/v1/rule-sets/{version:int32}/simulate", summary="Simulate a rule-set version", roles=ADMIN,
    body=SimulationRequest, response=SimulationOut,
)
async def simulate_rule_set(call: Call) -> SimulationOut:
    """Replays the version (a draft too) over the attributed orders of the range, writing nothing,
    and compares with what was actually computed for them, per partner and in total."""
    report = await simulation.simulate(call.merchant_id, call.path["version"], call.body.start, call.body.end)
    return SimulationOut.of(report)


# --- commissions ------------------------------------------------------------------------------


@api.endpoint(
    "GET", "/api/v1/commissions", summary="List commissions", roles=ADMIN, query=CommissionQuery,
    response=CommissionList,
)
async def list_commissions(call: Call) -> CommissionList:
    """Commissions and reversals, newest first; filter by partner, status, kind, order, dates."""
    where = queries.CommissionFilter(**call.query.model_dump())
    return CommissionList.of(await queries.list_commissions(call.merchant_id, where))


@api.endpoint(
    "GET", "/api/v1/commissions/{commission_id:int}", summary="Get a commission with its explanation",
    roles=ADMIN, response=CommissionDetail,
)
async def get_commission(call: Call) -> CommissionDetail:
    """With the fraud signals its order raised."""
    commission, signals = await queries.get_commission_with_signals(call.merchant_id, call.path["commission_id"])
    return CommissionDetail.of(commission, signals)


@api.endpoint(
    "POST", "/api/v1/commissions/{commission_id:int}/approve", summary="Approve a commission held for review",
    roles=ADMIN, response=CommissionOut,
)
async def approve_commission(call: Call) -> CommissionOut:
    """A commission a fraud signal held goes on (with its reversals): released once its hold has
    passed, then paid, as any other. 409 unless it is held and pending. The API key is stored.
    To refuse it instead, reject it."""
    assert call.principal is not None
    return CommissionOut.of(
        await fraud.approve(
            call.merchant_id, call.path["commission_id"], key_id=call.principal.key_id,
            actor=actor_of(call.principal),
        )
    )


@api.endpoint(
    "GET", "/api/v1/fraud-signals", summary="List fraud signals", roles=ADMIN, query=SignalQuery,
    response=SignalList,
)
async def list_fraud_signals(call: Call) -> SignalList:
    """Every signal an order raised, newest first, including self-referral attempts that were not
    attributed (they have no commission)."""
    return SignalList.of(await fraud.list_signals(call.merchant_id, **call.query.model_dump()))


@api.endpoint(
    "GET", "/api/v1/partners/{partner_id:int}/commission-totals", summary="A partner's commission totals",
    roles=ADMIN, response=PartnerTotals,
)
async def partner_commission_totals(call: Call) -> PartnerTotals:
    """Sums by status and asset, reversals included."""
    totals = await queries.partner_totals(call.merchant_id, call.path["partner_id"])
    return PartnerTotals(partner_id=call.path["partner_id"], totals=[TotalOut.of(t) for t in totals])


# --- checkout ---------------------------------------------------------------------------------


@api.endpoint(
    "POST", "/api/v1/checkout/incentive", summary="The referred customer's discount", roles=INTEGRATION,
    body=IncentiveRequest, response=IncentiveOut,
)
async def checkout_incentive(call: Call) -> IncentiveOut:
    """Called by the shop before checkout: which partner the order would go to (same rules as
    attribution) and the discount the active rule set gives the customer. Writes nothing."""
    body = call.body
    incentive = await checkout.checkout_incentive(
        call.merchant_id, subtotal=body.subtotal, click_id=body.click_id, visitor_id=body.visitor_id,
        partner_code=body.partner_code, customer_ref=body.customer_ref,
    )
    return IncentiveOut.of(incentive)
