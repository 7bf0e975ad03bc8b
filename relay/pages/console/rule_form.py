"""The rule-set editor's form and the rule set's JSON, each turned into the other (pure, no database).

The form is a flat mapping of field names to what the browser sends (``rules-0-reward_value``,
``rules-0-scenes`` as a list, ``caps-per_order-cash``). `to_fields` renders a stored rule set;
`to_content` reads a submission back. A value goes into a form field only when reading that
field back gives exactly the same value; anything else (a field the form has no input for, a
list in an order the checkboxes would change) is kept as JSON next to its rule or set, shown
read-only and put back unchanged on save, so ``to_content(to_fields(c)) == c`` for any stored `c`.

`field_errors` puts `parse_rule_set`'s errors (``content.rules.2.reward.percent``) next to the
form field that holds the offending value (``rules-2-reward_value``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from commissions.rules.ruleset import MAX_MODIFIERS, MAX_RULES, SCENES
from core import request_body
from core.errors import MalformedRequest
from core.money import MoneyFormatError, format_major, parse_minor

FormValue = str | list[str]
Fields = dict[str, FormValue]
#: The form field is blank: the key is left out of the rule set.
MISSING: Any = object()


class Unrepresentable(Exception):
    """The value has no form input that reads back as the same value."""


@dataclass(frozen=True, slots=True)
class Codec:
    show: Callable[[Any, str], FormValue]  #: value, currency -> what the input holds
    read: Callable[[FormValue, str], Any]  #: what the input sent, currency -> value or MISSING


def _text(raw: FormValue) -> str:
    return raw if isinstance(raw, str) else (raw[0] if raw else "")


def _show_text(value: Any, currency: str) -> str:
    if not isinstance(value, str):
        raise Unrepresentable
    return value


def _read_text(raw: FormValue, currency: str) -> Any:
    return _text(raw).strip() or MISSING


def _show_lines(value: Any, currency: str) -> str:
    if not isinstance(value, list) or not all(isinstance(v, str) and "\n" not in v for v in value):
        raise Unrepresentable
    return "\n".join(value)


def _read_lines(raw: FormValue, currency: str) -> Any:
    items = [line.strip() for line in _text(raw).splitlines() if line.strip()]
    return items or MISSING


def _show_money(value: Any, currency: str) -> str:
    if not isinstance(value, int) or isinstance(value, bool):
        raise Unrepresentable
    return format_major(value, currency)


def _read_money(raw: FormValue, currency: str) -> Any:
    text = _text(raw).strip()
    if not text:
        return MISSING
    try:
        return parse_minor(text, currency)
    except MoneyFormatError:
        return text  # parse_rule_set names the field and says what is wrong with it


def _show_int(value: Any, currency: str) -> str:
    if not isinstance(value, int) or isinstance(value, bool):
        raise Unrepresentable
    return str(value)


def _read_int(raw: FormValue, currency: str) -> Any:
    text = _text(raw).strip()
    if not text:
        return MISSING
    return int(text) if re.fullmatch(r"\d{1,18}", text) else text


def _show_ints(value: Any, currency: str) -> str:
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        raise Unrepresentable
    return ", ".join(str(v) for v in value)


def _read_ints(raw: FormValue, currency: str) -> Any:
    items = [item for item in re.split(r"[\s,，]+", _text(raw)) if item]
    return [int(item) if re.fullmatch(r"\d{1,9}", item) else item for item in items] or MISSING


def _checkboxes(choices: tuple[Any, ...]) -> Codec:
    """A set of checkboxes: the stored list must be in the checkboxes' order, each value once."""

    def show(value: Any, currency: str) -> list[str]:
        if not isinstance(value, list) or value != [c for c in choices if c in value] or len(set(value)) != len(value):
            raise Unrepresentable
        return [str(v) for v in value]

    def read(raw: FormValue, currency: str) -> Any:
        sent = {raw} if isinstance(raw, str) else set(raw)
        picked = [c for c in choices if str(c) in sent]
        return picked or MISSING

    return Codec(show, read)


def _show_first_order(value: Any, currency: str) -> str:
    if value is True:
        return "first"
    if value is False:
        return "repeat"
    raise Unrepresentable


def _read_first_order(raw: FormValue, currency: str) -> Any:
    return {"first": True, "repeat": False}.get(_text(raw), MISSING)


def _show_first_only(value: Any, currency: str) -> str:
    if not isinstance(value, bool):
        raise Unrepresentable
    return "1" if value else ""


def _read_first_only(raw: FormValue, currency: str) -> Any:
    return _text(raw) == "1"  # a checkbox: left unticked, the browser sends nothing


def _show_prorate(value: Any, currency: str) -> str:
    if value != "prorate":  # "keep" stated explicitly has no option of its own (blank is the default): kept as JSON
        raise Unrepresentable
    return value


def _read_prorate(raw: FormValue, currency: str) -> Any:
    return _text(raw).strip() or MISSING


TEXT = Codec(_show_text, _read_text)
LINES = Codec(_show_lines, _read_lines)
MONEY = Codec(_show_money, _read_money)
INT = Codec(_show_int, _read_int)
INTS = Codec(_show_ints, _read_ints)
FIRST_ORDER = Codec(_show_first_order, _read_first_order)
FIRST_ONLY = Codec(_show_first_only, _read_first_only)
SCENE_BOXES = _checkboxes(SCENES)
WEEKDAYS = tuple(range(1, 8))
WEEKDAY_BOXES = _checkboxes(WEEKDAYS)

#: Every condition the form has an input for (`commissions.rules.ruleset.Conditions`).
CONDITIONS: dict[str, Codec] = {
    "skus": LINES, "categories": LINES, "partner_groups": LINES, "partner_kinds": LINES,
    "channel": TEXT, "scenes": SCENE_BOXES, "first_order": FIRST_ORDER, "min_subtotal": MONEY,
    "date_from": TEXT, "date_to": TEXT, "days_of_month": INTS, "weekdays": WEEKDAY_BOXES, "timezone": TEXT,
}
PRORATE = Codec(_show_prorate, _read_prorate)
RULE: dict[str, Codec] = {"id": TEXT, "name": TEXT, "level": INT, "settle_as": TEXT, "partial_refund": PRORATE}
MODIFIER: dict[str, Codec] = {"name": TEXT, "level": INT, "multiply": TEXT}
REWARD_VALUES: dict[str, Codec] = {"percent": TEXT, "flat_per_unit": MONEY, "flat_per_order": MONEY}
REWARD_TYPES = (*REWARD_VALUES, "tiers")
TIER: dict[str, Codec] = {"min_month_net": MONEY, "percent": TEXT}
CAP_PERIODS = ("per_order", "per_partner_month")
CAP: dict[str, Codec] = {"cash": MONEY, "points": INT, "level": INT}
#: The checkout incentive (`commissions.rules.ruleset.CustomerIncentive`): a kind, its value, and these.
INCENTIVE_VALUES: dict[str, Codec] = {"percent": TEXT, "amount": MONEY}
INCENTIVE: dict[str, Codec] = {"first_order_only": FIRST_ONLY, "min_subtotal": MONEY}
#: Inputs that send several values (checkboxes).
MULTI = ("scenes", "weekdays")


def _split(data: Mapping[str, Any], codecs: Mapping[str, Codec], prefix: str, currency: str,
           fields: Fields) -> dict[str, Any]:
    """Put each value of `data` that `codecs` read back exactly into `fields`; return the rest."""
    kept: dict[str, Any] = {}
    for key, value in data.items():
        codec = codecs.get(key)
        if codec is not None:
            try:
                shown = codec.show(value, currency)
                if codec.read(shown, currency) == value:
                    fields[prefix + key] = shown
                    continue
            except Unrepresentable:
                pass
        kept[key] = value
    return kept


def _show_reward(reward: Any, prefix: str, currency: str, fields: Fields) -> bool:
    """The reward in the form (type, value or tier rows) when it reads back exactly."""
    if not isinstance(reward, dict) or len(reward) != 1:
        return False
    (kind, value), = reward.items()
    shown: Fields = {prefix + "reward_type": kind}
    if kind in REWARD_VALUES:
        if _split({kind: value}, {kind: REWARD_VALUES[kind]}, prefix + "reward_", currency, shown):
            return False
        shown[prefix + "reward_value"] = shown.pop(prefix + "reward_" + kind)
    elif kind == "tiers" and isinstance(value, list) and value:
        for index, tier in enumerate(value):
            if not isinstance(tier, dict) or set(tier) != set(TIER):
                return False
            if _split(tier, TIER, f"{prefix}tier-{index}-", currency, shown):
                return False
        shown[prefix + "tiers"] = str(len(value))
    else:
        return False
    fields.update(shown)
    return True


def _show_item(item: Mapping[str, Any], codecs: Mapping[str, Codec], prefix: str, currency: str,
               fields: Fields) -> None:
    kept = _split({k: v for k, v in item.items() if k not in ("conditions", "reward")}, codecs, prefix, currency, fields)
    conditions = item.get("conditions", {})
    if isinstance(conditions, dict):
        rest = _split(conditions, CONDITIONS, prefix, currency, fields)
        if rest or "conditions" not in item:
            kept["conditions"] = rest if "conditions" in item else None
    else:
        kept["conditions"] = conditions
    if "reward" in item and not _show_reward(item["reward"], prefix, currency, fields):
        kept["reward"] = item["reward"]
    if kept:
        fields[prefix + "extra"] = json.dumps(kept, ensure_ascii=False, sort_keys=True)


def _show_incentive(incentive: Any, currency: str, fields: Fields) -> bool:
    """The customer incentive in the form (kind, value, first orders only, minimum subtotal) when
    it reads back exactly: one kind, `first_order_only` stated (as stored rule sets have it)."""
    if not isinstance(incentive, dict) or "first_order_only" not in incentive:
        return False
    kinds = [kind for kind in INCENTIVE_VALUES if kind in incentive]
    if len(kinds) != 1 or set(incentive) - {kinds[0], *INCENTIVE}:
        return False
    kind = kinds[0]
    shown: Fields = {"incentive-kind": kind}
    if _split({kind: incentive[kind]}, {kind: INCENTIVE_VALUES[kind]}, "incentive-", currency, shown):
        return False
    shown["incentive-value"] = shown.pop("incentive-" + kind)
    if _split({k: v for k, v in incentive.items() if k != kind}, INCENTIVE, "incentive-", currency, shown):
        return False
    fields.update(shown)
    return True


def to_fields(content: Mapping[str, Any], currency: str) -> Fields:
    """The form showing `content` (a stored rule set)."""
    fields: Fields = {}
    rules = content.get("rules", [])
    modifiers = content.get("modifiers", [])
    top: dict[str, Any] = {k: v for k, v in content.items() if k not in ("rules", "modifiers", "caps")}
    if not isinstance(rules, list) or not isinstance(modifiers, list):
        return {"rules": "0", "modifiers": "0", "extra": json.dumps(dict(content), ensure_ascii=False)}
    for index, rule in enumerate(rules):
        _show_item(rule, RULE, f"rules-{index}-", currency, fields)
    for index, modifier in enumerate(modifiers):
        _show_item(modifier, MODIFIER, f"modifiers-{index}-", currency, fields)
    caps = content.get("caps", {})
    kept_caps: dict[str, Any] = {}
    for period, amounts in caps.items() if isinstance(caps, dict) else ():
        if period in CAP_PERIODS and isinstance(amounts, dict) and amounts:
            shown: Fields = {}
            if not _split(amounts, CAP, f"caps-{period}-", currency, shown):
                fields.update(shown)
                continue
        kept_caps[period] = amounts
    if kept_caps or not isinstance(caps, dict):
        top["caps"] = kept_caps if isinstance(caps, dict) else caps
    if "caps" not in content:
        top["caps"] = None
    if "customer_incentive" in top and _show_incentive(top["customer_incentive"], currency, fields):
        del top["customer_incentive"]
    fields["rules"], fields["modifiers"] = str(len(rules)), str(len(modifiers))
    if top:
        fields["extra"] = json.dumps(top, ensure_ascii=False, sort_keys=True)
    return fields


# --- reading a submission back -------------------------------------------------------------------


class ExtraInvalid(ValueError):
    """A kept-as-JSON part of the form is not JSON (someone edited the page)."""


def _extra(fields: Mapping[str, FormValue], name: str) -> dict[str, Any]:
    text = _text(fields.get(name, "")).strip()
    if not text:
        return {}
    try:
        value = request_body.loads(text)
    except MalformedRequest:  # not JSON, or nested past what a rule set ever is
        raise ExtraInvalid(name) from None
    if not isinstance(value, dict):
        raise ExtraInvalid(name)
    return value


def _read(fields: Mapping[str, FormValue], codecs: Mapping[str, Codec], prefix: str, currency: str,
          into: dict[str, Any]) -> None:
    for key, codec in codecs.items():
        value = codec.read(fields.get(prefix + key, ""), currency)
        if value is not MISSING:
            into[key] = value


def _read_item(fields: Mapping[str, FormValue], codecs: Mapping[str, Codec], prefix: str,
               currency: str) -> dict[str, Any]:
    item = _extra(fields, prefix + "extra")
    conditions = item.pop("conditions", {})
    _read(fields, codecs, prefix, currency, item)
    if isinstance(conditions, dict):
        _read(fields, CONDITIONS, prefix, currency, conditions)
    if conditions is not None:
        item["conditions"] = conditions
    kind = _text(fields.get(prefix + "reward_type", ""))
    if kind in REWARD_VALUES:
        value = REWARD_VALUES[kind].read(fields.get(prefix + "reward_value", ""), currency)
        item["reward"] = {} if value is MISSING else {kind: value}
    elif kind == "tiers":
        tiers = []
        for index in range(_count(fields, prefix + "tiers", 50)):
            tier: dict[str, Any] = {}
            _read(fields, TIER, f"{prefix}tier-{index}-", currency, tier)
            if tier:
                tiers.append(tier)
        item["reward"] = {"tiers": tiers}
    return item


def _read_incentive(fields: Mapping[str, FormValue], currency: str) -> dict[str, Any] | None:
    """The incentive the form describes, or None when its kind is blank (no incentive, or one kept as JSON)."""
    kind = _text(fields.get("incentive-kind", ""))
    if kind not in INCENTIVE_VALUES:
        return None
    incentive: dict[str, Any] = {}
    value = INCENTIVE_VALUES[kind].read(fields.get("incentive-value", ""), currency)
    if value is not MISSING:
        incentive[kind] = value
    _read(fields, INCENTIVE, "incentive-", currency, incentive)
    return incentive


def _count(fields: Mapping[str, FormValue], name: str, most: int) -> int:
    text = _text(fields.get(name, "0"))
    return min(int(text), most + 1) if text.isdigit() else 0


def to_content(fields: Mapping[str, FormValue], currency: str) -> dict[str, Any]:
    """The rule set a submitted form describes (not validated: `parse_rule_set` does that)."""
    content = _extra(fields, "extra")
    caps = content.pop("caps", {})
    for group, codecs, most in (("rules", RULE, MAX_RULES), ("modifiers", MODIFIER, MAX_MODIFIERS)):
        if group not in content:  # kept as JSON only when it was not a list of items at all
            content[group] = [
                _read_item(fields, codecs, f"{group}-{i}-", currency) for i in range(_count(fields, group, most))
            ]
    if isinstance(caps, dict):
        for period in CAP_PERIODS:
            amounts: dict[str, Any] = {}
            _read(fields, CAP, f"caps-{period}-", currency, amounts)
            if amounts:
                caps[period] = amounts
    if caps is not None:
        content["caps"] = caps
    incentive = _read_incentive(fields, currency)
    if incentive is not None:
        content["customer_incentive"] = incentive
    return content


def from_form(form: Any) -> Fields:
    """A Starlette FormData (or a plain mapping) as `Fields`: checkbox inputs as lists."""
    fields: Fields = {}
    for key in form.keys():
        if key == "csrf_token":
            continue
        if key.rsplit("-", 1)[-1] in MULTI and hasattr(form, "getlist"):
            fields[key] = [str(v) for v in form.getlist(key)]
        else:
            fields[key] = str(form[key])
    return fields


# --- editing the list of rules ---------------------------------------------------------------------


def _items(fields: Fields, group: str) -> list[Fields]:
    count = _count(fields, group, MAX_RULES)
    items: list[Fields] = [{} for _ in range(count)]
    for key, value in fields.items():
        match = re.fullmatch(rf"{group}-(\d+)-(.+)", key)
        if match and int(match[1]) < count:
            items[int(match[1])][match[2]] = value
    return items


def _with_items(fields: Fields, group: str, items: list[Fields]) -> Fields:
    kept = {k: v for k, v in fields.items() if not re.fullmatch(rf"{group}-\d+-.+", k)}
    kept[group] = str(len(items))
    for index, item in enumerate(items):
        kept.update({f"{group}-{index}-{key}": value for key, value in item.items()})
    return kept


def compact_tiers(fields: Fields) -> Fields:
    """Drop blank tier rows, so the rows' numbers are those of the tiers sent for validation."""
    rules = _items(fields, "rules")
    for rule in rules:
        rows = [
            {name: rule.get(f"tier-{i}-{name}", "") for name in TIER}
            for i in range(_count(rule, "tiers", 50))
        ]
        rows = [row for row in rows if any(_text(v).strip() for v in row.values())]
        for key in [k for k in rule if k.startswith("tier-")]:
            del rule[key]
        for index, row in enumerate(rows):
            rule.update({f"tier-{index}-{name}": value for name, value in row.items()})
        rule["tiers"] = str(len(rows))
    return _with_items(fields, "rules", rules)


def edit(fields: Fields, op: str) -> Fields:
    """Apply an editing button: ``add_rule``, ``remove_rule:2``, ``up:2``, ``down:2``,
    ``add_modifier``, ``remove_modifier:0``. Unknown operations change nothing."""
    name, _, arg = op.partition(":")
    index = int(arg) if arg.isdigit() else -1
    rules, modifiers = _items(fields, "rules"), _items(fields, "modifiers")
    if name == "add_rule" and len(rules) < MAX_RULES:
        taken = {_text(rule.get("id", "")) for rule in rules}
        number = next(n for n in range(len(rules) + 1, len(rules) + MAX_RULES + 2) if f"rule-{n}" not in taken)
        rules.append({"id": f"rule-{number}", "level": "1", "reward_type": "percent"})
    elif name == "remove_rule" and 0 <= index < len(rules):
        del rules[index]
    elif name in ("up", "down") and 0 <= index < len(rules):
        other = index - 1 if name == "up" else index + 1
        if 0 <= other < len(rules):
            rules[index], rules[other] = rules[other], rules[index]
    elif name == "add_modifier" and len(modifiers) < MAX_MODIFIERS:
        modifiers.append({"multiply": "1"})
    elif name == "remove_modifier" and 0 <= index < len(modifiers):
        del modifiers[index]
    return _with_items(_with_items(fields, "rules", rules), "modifiers", modifiers)


# --- errors next to their fields ---------------------------------------------------------------------


def field_of(path: str) -> str | None:
    """The form field showing the value at `path` (``content.rules.2.conditions.skus.0`` ->
    ``rules-2-skus``), or None when the form has no input for it."""
    parts = path.split(".")
    if parts and parts[0] == "content":
        parts = parts[1:]
    if len(parts) >= 3 and parts[0] in ("rules", "modifiers") and parts[1].isdigit():
        prefix, rest = f"{parts[0]}-{parts[1]}-", parts[2:]
        codecs = RULE if parts[0] == "rules" else MODIFIER
        if rest[0] in codecs:
            return prefix + rest[0]
        if rest[0] == "conditions" and len(rest) > 1 and rest[1] in CONDITIONS:
            return prefix + rest[1]
        if rest[0] == "reward" and parts[0] == "rules":
            if len(rest) == 1 or (rest[1] == "tiers" and (len(rest) < 4 or not rest[2].isdigit())):
                return prefix + "reward_type"
            if rest[1] in REWARD_VALUES:
                return prefix + "reward_value"
            if rest[1] == "tiers" and rest[3] in TIER:
                return f"{prefix}tier-{rest[2]}-{rest[3]}"
        return None
    if len(parts) == 3 and parts[0] == "caps" and parts[1] in CAP_PERIODS and parts[2] in CAP:
        return f"caps-{parts[1]}-{parts[2]}"
    if parts and parts[0] == "customer_incentive":
        if len(parts) == 1 or parts[1] in INCENTIVE_VALUES:  # one kind, not both or neither; its value
            return "incentive-value"
        if parts[1] in INCENTIVE:
            return "incentive-" + parts[1]
    return None


def field_errors(errors: list[dict[str, str]], fields: Fields) -> tuple[dict[str, str], list[dict[str, str]]]:
    """(form field -> message) for the errors a form field shows, and the others (shown above the
    form with their path): those about a value kept as JSON, or about the set as a whole."""
    placed: dict[str, str] = {}
    others = []
    for error in errors:
        name = field_of(error["field"])
        if name is None or _kept_as_json(name, fields):
            others.append({"field": error["field"].removeprefix("content."), "message": error["message"]})
        else:
            placed[name] = f"{placed[name]}; {error['message']}" if name in placed else error["message"]
    return placed, others


def _kept_as_json(name: str, fields: Fields) -> bool:
    """Whether the value behind field `name` is blank in the form and kept in the item's JSON."""
    if name.startswith("incentive-"):  # the incentive is in the form when its kind is chosen
        return _text(fields.get("incentive-kind", "")) not in INCENTIVE_VALUES
    prefix, _, key = name.rpartition("-")
    if _text(fields.get(name, "")).strip():
        return False
    try:
        kept = _extra(fields, prefix + "-extra")
    except ExtraInvalid:
        return False
    return key in kept or key in (kept.get("conditions") or {})


# --- for the template ----------------------------------------------------------------------------


def value(fields: Mapping[str, FormValue], name: str) -> str:
    """What a text input or select shows."""
    return _text(fields.get(name, ""))


def checked(fields: Mapping[str, FormValue], name: str, choice: object) -> bool:
    sent = fields.get(name, [])
    return str(choice) in ([sent] if isinstance(sent, str) else sent)


def incentive_kept(fields: Fields) -> bool:
    """Whether the set's JSON holds a customer incentive the form cannot show (saved as it is
    unless a kind is chosen in the form, which replaces it)."""
    try:
        return "customer_incentive" in _extra(fields, "extra")
    except ExtraInvalid:
        return False


def count(fields: Mapping[str, FormValue], group: str) -> int:
    """How many rules (`group` "rules") or modifiers the form holds."""
    return _count(fields, group, MAX_RULES if group == "rules" else MAX_MODIFIERS)
