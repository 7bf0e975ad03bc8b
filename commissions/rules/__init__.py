"""Commission evaluation: who earns how much on an order under a rule set, exactly, and why.

Pure: no database, no clock. The caller (the commissions service) loads the facts, calls
`evaluate`, and stores the drafts. The order of decisions, for each beneficiary (level 1 = the
attributed partner, level 2 = their recruiter):

1. per line, the first rule of the beneficiary's level whose conditions hold (list order), among
   the per-line rules (`percent`, `flat_per_unit`, `tiers`);
2. once per order, the first `flat_per_order` rule of that level whose conditions hold;
3. every modifier whose conditions hold multiplies the reward (they stack by multiplying);
4. the amount is converted to points when settled in points, and rounded once;
5. caps: per partner, per settlement kind, first `per_order` then `per_partner_month`. A cap that
   cuts several commissions splits the capped total over them by largest remainder in proportion
   to their amounts, so each line keeps its own commission (refunds reverse per line).

Everything is exact (no float) until the one rounding; amounts out are `int` (minor units or
points). Tiers: the percent is chosen by the beneficiary's month-to-date net sales *including this
whole order*, and the whole order earns the tier reached (no split of an order across tiers).

The modules, in the order a reader meets them: `ruleset` (the rule-set format a merchant sends,
and its validation: the way in), `facts` (what evaluation is given and gives
back), `evaluate` (the entry point and the live path), `decide` (steps 1-3: which rule and
modifiers, shared by every path), `explain` (each commission's explanation), `settle` (rounding
and caps), `amounts` (the same amounts without explanations, and per-partner totals for the
simulation, in exact integer fractions), `conditions` and `compiled` (conditions, rules and
modifiers prepared once per version), `exact` (the decimal contexts).
"""

from .compiled import CompiledModifier, CompiledRule
from .conditions import Predicate
from .evaluate import CompiledRuleSet, compile_rule_set, evaluate
from .facts import Beneficiary, CommissionDraft, LineFacts, OrderFacts, PointsRounding, RewardKind, Terms

__all__ = [
    "Beneficiary", "CommissionDraft", "CompiledModifier", "CompiledRule", "CompiledRuleSet", "LineFacts",
    "OrderFacts", "PointsRounding", "Predicate", "RewardKind", "Terms", "compile_rule_set", "evaluate",
]
