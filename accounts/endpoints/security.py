"""Security endpoints (admin keys): API keys (issue, rotate, revoke), the audit log, rate-limit refusals."""

from __future__ import annotations

from accounts.models import Role
from accounts.schemas.security import (
    ApiKeyCreate,
    ApiKeyList,
    ApiKeyOut,
    AuditList,
    AuditQuery,
    IssuedKeyOut,
    RefusalList,
    RefusalOut,
    RefusalQuery,
)
from accounts.service import api_keys, audit, rate_limits
from accounts.service.audit import actor_of
from core.api import Api, Call

api = Api("security")
ADMIN = (Role.admin,)
KEY = "/api/v1/api-keys/{key_id:int}"


@api.endpoint("GET", "/api/v1/api-keys", summary="List the API keys", roles=ADMIN, response=ApiKeyList)
async def list_api_keys(call: Call) -> ApiKeyList:
    """Every key of the merchant, revoked ones too; never the keys themselves (only a prefix)."""
    return ApiKeyList(items=[ApiKeyOut.of(key) for key in await api_keys.list_keys(call.merchant_id)])


@api.endpoint(
    "POST", "/api/v1/api-keys", summary="Issue an API key", roles=ADMIN, body=ApiKeyCreate,
    response=IssuedKeyOut, status=201,
)
async def issue_api_key(call: Call) -> IssuedKeyOut:
    """A new key for the role, shown this once (only its SHA-256 is stored)."""
    issued = await api_keys.issue_key(
        call.merchant_id, call.body.role, call.body.label, actor=actor_of(call.principal)
    )
    return IssuedKeyOut.issued(issued)


@api.endpoint("POST", f"{KEY}/rotate", summary="Rotate an API key", roles=ADMIN, response=IssuedKeyOut, status=201)
async def rotate_api_key(call: Call) -> IssuedKeyOut:
    """A new key with the same role and label, shown this once; the old key is refused (401)
    from now on, in every process. A revoked key cannot be rotated (409)."""
    issued = await api_keys.rotate_key(call.merchant_id, call.path["key_id"], actor=actor_of(call.principal))
    return IssuedKeyOut.issued(issued)


@api.endpoint("POST", f"{KEY}/revoke", summary="Revoke an API key", roles=ADMIN, response=ApiKeyOut)
async def revoke_api_key(call: Call) -> ApiKeyOut:
    """The key is refused (401) from the next request on, in every process. Revoking a revoked
    key answers it unchanged; the merchant's last active admin key cannot be revoked (409)."""
    revoked = await api_keys.revoke_key(call.merchant_id, call.path["key_id"], actor=actor_of(call.principal))
    return ApiKeyOut.of(revoked)


@api.endpoint("GET", "/api/v1/audit", summary="The audit log", roles=ADMIN, query=AuditQuery, response=AuditList)
async def list_audit_entries(call: Call) -> AuditList:
    """Every change a person made (rule sets, partners, payout batches, rejections, settings,
    keys, the webhook secret): who, when, what, and the state before and after. Newest first;
    page with `before_id`."""
    q = call.query
    page = await audit.list_entries(
        call.merchant_id, action=q.action, subject_type=q.subject_type, subject_id=q.subject_id,
        actor_kind=q.actor_kind, actor_id=q.actor_id, start=q.from_, end=q.to, before_id=q.before_id,
        limit=q.limit,
    )
    return AuditList.of(page)


@api.endpoint(
    "GET", "/api/v1/rate-limits/refusals", summary="Requests refused by a rate limit", roles=ADMIN,
    query=RefusalQuery, response=RefusalList,
)
async def list_rate_limit_refusals(call: Call) -> RefusalList:
    """Requests answered 429, per UTC day and limit, newest day first. Each server process
    writes its counts every few seconds (RELAY_RATE_LIMIT_FLUSH_SECONDS)."""
    counts = await rate_limits.refusals(call.merchant_id, call.query.from_, call.query.to)
    return RefusalList(items=[RefusalOut.of(count) for count in counts])
