from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "api_key" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "key_hash" VARCHAR(64) NOT NULL UNIQUE,
    "prefix" VARCHAR(16) NOT NULL /* first characters, to recognise a key */,
    "label" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "revoked_at" TIMESTAMP
) /* A merchant's API key; only its SHA-256 is stored, the key itself is shown once. */;
CREATE INDEX IF NOT EXISTS "idx_api_key_merchan_da0b9b" ON "api_key" ("merchant_id");
CREATE TABLE IF NOT EXISTS "click" (
    "id" VARCHAR(22) NOT NULL PRIMARY KEY /* the relay_click id */,
    "merchant_id" BIGINT NOT NULL,
    "link_id" BIGINT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "scene" VARCHAR(16) NOT NULL,
    "visitor_id" VARCHAR(40) NOT NULL,
    "ip_hash" VARCHAR(64) NOT NULL,
    "user_agent" VARCHAR(512) NOT NULL,
    "referrer" VARCHAR(1024) NOT NULL,
    "is_bot" INT NOT NULL,
    "occurred_at" TIMESTAMP NOT NULL
) /* One visit through a share link; bots are kept (flagged) but never attributed. */;
CREATE INDEX IF NOT EXISTS "idx_click_merchan_55f48a" ON "click" ("merchant_id", "visitor_id", "occurred_at");
CREATE INDEX IF NOT EXISTS "idx_click_merchan_8035b4" ON "click" ("merchant_id", "occurred_at");
CREATE TABLE IF NOT EXISTS "customer_binding" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "customer_ref" VARCHAR(200) NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "bound_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP /* null: forever */,
    CONSTRAINT "uid_customer_bi_merchan_4f4c33" UNIQUE ("merchant_id", "customer_ref")
) /* A customer stays with the partner of their first attributed order while this lasts. */;
CREATE TABLE IF NOT EXISTS "merchant" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "currency" VARCHAR(3) NOT NULL /* ISO 4217 code of every cash amount */,
    "timezone" VARCHAR(64) NOT NULL,
    "allowed_domains" JSON NOT NULL /* hosts share links may point to */,
    "webhook_secret" VARCHAR(100) NOT NULL /* Standard Webhooks secret (whsec_...) */,
    "attribution_window_days" INT NOT NULL,
    "attribution_model" VARCHAR(16) NOT NULL,
    "binding_days" INT /* customer binding: null = off, 0 = forever, N = days */,
    "allow_self_referral" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* A brand running a partner program; its id is the tenancy key of every other row. */;
CREATE TABLE IF NOT EXISTS "shop_order" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "external_id" VARCHAR(200) NOT NULL,
    "customer_ref" VARCHAR(200),
    "currency" VARCHAR(3) NOT NULL,
    "channel" VARCHAR(8) NOT NULL,
    "store_id" VARCHAR(100),
    "occurred_at" TIMESTAMP NOT NULL,
    "subtotal_minor" BIGINT NOT NULL /* sum of line gross amounts */,
    "discount_minor" BIGINT NOT NULL /* order-level discount, split over lines */,
    "total_minor" BIGINT NOT NULL /* subtotal - discount */,
    "status" VARCHAR(16) NOT NULL,
    "partner_id" BIGINT /* attributed partner, null when none */,
    "attribution" VARCHAR(32) NOT NULL /* rule that decided, or why none */,
    "click_id" VARCHAR(22),
    "link_id" BIGINT,
    "scene" VARCHAR(16),
    "is_first_order" INT NOT NULL /* customer's first attributed order */,
    "content_hash" VARCHAR(64) NOT NULL /* tells a replay from a conflict */,
    "visitor_id" VARCHAR(64) /* the visitor id the shop sent */,
    "partner_code" VARCHAR(32) /* the code entered, as typed */,
    "completed_at" TIMESTAMP,
    "canceled_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_shop_order_merchan_353c8a" UNIQUE ("merchant_id", "external_id")
) /* An order reported by the merchant's shop, with the attribution decision and its reason. */;
CREATE INDEX IF NOT EXISTS "idx_shop_order_merchan_1bdc36" ON "shop_order" ("merchant_id", "occurred_at");
CREATE INDEX IF NOT EXISTS "idx_shop_order_merchan_a6c602" ON "shop_order" ("merchant_id", "partner_id", "occurred_at");
CREATE INDEX IF NOT EXISTS "idx_shop_order_merchan_6fd939" ON "shop_order" ("merchant_id", "customer_ref");
CREATE TABLE IF NOT EXISTS "order_line" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "order_id" BIGINT NOT NULL,
    "line_no" INT NOT NULL,
    "sku" VARCHAR(100) NOT NULL,
    "category" VARCHAR(100) NOT NULL,
    "quantity" BIGINT NOT NULL,
    "unit_price_minor" BIGINT NOT NULL,
    "gross_minor" BIGINT NOT NULL,
    "discount_minor" BIGINT NOT NULL,
    "net_minor" BIGINT NOT NULL,
    CONSTRAINT "uid_order_line_order_i_11a43d" UNIQUE ("order_id", "line_no")
) /* One line of an order; `net_minor` is its gross less its share of the order discount. */;
CREATE INDEX IF NOT EXISTS "idx_order_line_order_i_b67cd5" ON "order_line" ("order_id");
CREATE TABLE IF NOT EXISTS "partner" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "code" VARCHAR(16) NOT NULL /* entered at a till or checkout */,
    "display_name" VARCHAR(200) NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "group" VARCHAR(40),
    "status" VARCHAR(16) NOT NULL,
    "recruiter_id" BIGINT /* partner who recruited this one (level 2) */,
    "reward_preference" VARCHAR(8) NOT NULL,
    "customer_ref" VARCHAR(200) /* the partner's own customer reference (self-referral) */,
    "email" VARCHAR(254),
    "payee_name" VARCHAR(200),
    "payee_account" VARCHAR(200),
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_partner_merchan_a69e2e" UNIQUE ("merchant_id", "code")
) /* Someone who shares the merchant's links and is rewarded for the sales they bring. */;
CREATE INDEX IF NOT EXISTS "idx_partner_merchan_bc9d86" ON "partner" ("merchant_id", "recruiter_id");
CREATE INDEX IF NOT EXISTS "idx_partner_merchan_1b1e25" ON "partner" ("merchant_id", "customer_ref");
CREATE TABLE IF NOT EXISTS "refund" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "order_id" BIGINT NOT NULL,
    "external_id" VARCHAR(200) NOT NULL /* the shop's refund id */,
    "amount_minor" BIGINT NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL /* tells a replay from a conflict */,
    "occurred_at" TIMESTAMP NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_refund_merchan_caed02" UNIQUE ("merchant_id", "order_id", "external_id")
) /* One refund event of an order (several allowed); its per-line parts are `RefundLine`s. */;
CREATE INDEX IF NOT EXISTS "idx_refund_order_i_ab8f81" ON "refund" ("order_id");
CREATE TABLE IF NOT EXISTS "refund_line" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "refund_id" BIGINT NOT NULL,
    "order_line_id" BIGINT NOT NULL,
    "quantity" BIGINT NOT NULL /* units returned; 0 for an amount-only refund */,
    "amount_minor" BIGINT NOT NULL /* net amount refunded on this line */
) /* The part of a refund that falls on one order line: units returned and net amount refunded. */;
CREATE INDEX IF NOT EXISTS "idx_refund_line_refund__dfd06f" ON "refund_line" ("refund_id");
CREATE INDEX IF NOT EXISTS "idx_refund_line_order_l_57470a" ON "refund_line" ("order_line_id");
CREATE TABLE IF NOT EXISTS "share_link" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "code" VARCHAR(16) NOT NULL UNIQUE,
    "target_url" VARCHAR(2000) NOT NULL,
    "scene" VARCHAR(16) NOT NULL,
    "sku" VARCHAR(100),
    "campaign" VARCHAR(100) NOT NULL /* '' when none */,
    "active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* A trackable short link of a partner, for one scene; `\/r\/{code}` redirects to `target_url`. */;
CREATE INDEX IF NOT EXISTS "idx_share_link_merchan_d881c4" ON "share_link" ("merchant_id", "partner_id", "scene", "campaign");
CREATE TABLE IF NOT EXISTS "webhook_receipt" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "webhook_id" VARCHAR(200) NOT NULL,
    "body_hash" VARCHAR(64) NOT NULL,
    "status_code" INT NOT NULL,
    "response" JSON NOT NULL,
    "received_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_webhook_rec_merchan_23a667" UNIQUE ("merchant_id", "webhook_id")
) /* A shop event already handled: a replay of `webhook_id` is answered with the stored result. */;
CREATE TABLE IF NOT EXISTS "commission" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "order_id" BIGINT NOT NULL /* referral order id */,
    "order_line_id" BIGINT /* null for a per-order reward */,
    "line_no" INT /* the line's number in the order; null per order */,
    "level" SMALLINT NOT NULL /* 1: the attributed partner, 2: their recruiter */,
    "kind" VARCHAR(8) NOT NULL /* cash or points */,
    "asset" VARCHAR(3) NOT NULL /* currency code for cash, PTS for points */,
    "amount" BIGINT NOT NULL /* minor units or points; negative for a reversal */,
    "base_minor" BIGINT NOT NULL /* net amount the reward was computed on (refunded, negative) */,
    "rule_set_version" INT NOT NULL,
    "rule_id" VARCHAR(64) NOT NULL,
    "reversal_of" BIGINT /* the commission a reversal gives back */,
    "refund_id" BIGINT /* referral refund that caused a reversal */,
    "status" VARCHAR(16) NOT NULL,
    "occurred_at" TIMESTAMP NOT NULL /* when the order (or the refund) happened */,
    "available_at" TIMESTAMP /* completion + hold; null until completed */,
    "explanation" JSON NOT NULL /* how the amount was computed, for people */,
    "rejected_reason" VARCHAR(500),
    "rejected_by_key_id" BIGINT /* API key that rejected it */,
    "rejected_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "payout_batch_id" BIGINT /* payout batch that claimed it (set at approval, cleared if the line fails) */,
    CONSTRAINT "uid_commission_merchan_9336a9" UNIQUE ("merchant_id", "reversal_of", "refund_id")
) /* What one partner earns (or gives back) on one order line, or once per order. */;
CREATE INDEX IF NOT EXISTS "idx_commission_merchan_5221f4" ON "commission" ("merchant_id", "order_id");
CREATE INDEX IF NOT EXISTS "idx_commission_merchan_a958f3" ON "commission" ("merchant_id", "partner_id", "occurred_at");
CREATE INDEX IF NOT EXISTS "idx_commission_merchan_7b0916" ON "commission" ("merchant_id", "status", "available_at");
CREATE INDEX IF NOT EXISTS "idx_commission_status_6a7a01" ON "commission" ("status", "available_at");
CREATE INDEX IF NOT EXISTS "idx_commission_merchan_9e33e8" ON "commission" ("merchant_id", "payout_batch_id", "partner_id");
CREATE TABLE IF NOT EXISTS "commission_terms" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL UNIQUE,
    "hold_days" INT NOT NULL /* after-sales window after completion */,
    "rounding" VARCHAR(16) NOT NULL /* half_up, half_even or down */,
    "points_per_unit" VARCHAR(20) NOT NULL /* points for one major unit (a decimal string) */,
    "points_rounding" VARCHAR(8) NOT NULL /* down or nearest */,
    "updated_at" TIMESTAMP NOT NULL
) /* A merchant's commission settings: after-sales hold, rounding, points rate. */;
CREATE TABLE IF NOT EXISTS "rule_set_version" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "version" INT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "active_slot" INT /* true while active, else null */,
    "content" JSON NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "published_at" TIMESTAMP,
    "retired_at" TIMESTAMP,
    CONSTRAINT "uid_rule_set_ve_merchan_ec2c62" UNIQUE ("merchant_id", "version"),
    CONSTRAINT "uid_rule_set_ve_merchan_d1510c" UNIQUE ("merchant_id", "active_slot")
) /* One version of a merchant's rule set; published versions are never edited. */;
CREATE TABLE IF NOT EXISTS "ledger_transaction" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "kind" VARCHAR(24) NOT NULL /* payouts.ledger.TransactionKind */,
    "asset" VARCHAR(3) NOT NULL /* ISO 4217 code, or PTS for points */,
    "reference" VARCHAR(100) NOT NULL /* commission id, batch line id... */,
    "idempotency_key" VARCHAR(200) NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "memo" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_ledger_tran_merchan_ee6fe8" UNIQUE ("merchant_id", "idempotency_key")
) /* One balanced entry: why money or points moved (`kind`), in one asset, caused by `reference`. */;
CREATE INDEX IF NOT EXISTS "idx_ledger_tran_merchan_4d3f8d" ON "ledger_transaction" ("merchant_id", "reference");
CREATE TABLE IF NOT EXISTS "ledger_posting" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "account" VARCHAR(24) NOT NULL /* payouts.ledger.AccountKind */,
    "partner_id" BIGINT /* owner, or counterparty of a merchant account */,
    "asset" VARCHAR(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL /* signed: positive adds to the account */,
    "transaction_id" BIGINT NOT NULL REFERENCES "ledger_transaction" ("id") ON DELETE RESTRICT
) /* One leg of an entry: a signed amount on one account; an entry's legs sum to zero. */;
CREATE INDEX IF NOT EXISTS "idx_ledger_post_merchan_e4d386" ON "ledger_posting" ("merchant_id", "partner_id", "asset", "account");
CREATE INDEX IF NOT EXISTS "idx_ledger_post_merchan_065e30" ON "ledger_posting" ("merchant_id", "asset", "account", "partner_id");
CREATE INDEX IF NOT EXISTS "idx_ledger_post_transac_d19753" ON "ledger_posting" ("transaction_id");
CREATE TABLE IF NOT EXISTS "payout_batch" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "asset" VARCHAR(3) NOT NULL /* ISO 4217 code, or PTS for points */,
    "cutoff" TIMESTAMP NOT NULL /* available_at <= cutoff is in (UTC) */,
    "status" VARCHAR(16) NOT NULL,
    "open_slot" INT /* true unless discarded, then null */,
    "minimum_minor" BIGINT NOT NULL /* minimum payout applied at the last computation */,
    "withholding" VARCHAR(40) NOT NULL /* withholding rule applied */,
    "created_by" VARCHAR(40) NOT NULL /* api key id, 'schedule' or 'cli' */,
    "approved_by" VARCHAR(40),
    "created_at" TIMESTAMP NOT NULL,
    "approved_at" TIMESTAMP,
    "exported_at" TIMESTAMP,
    "closed_at" TIMESTAMP,
    "discarded_at" TIMESTAMP,
    CONSTRAINT "uid_payout_batc_merchan_fad3da" UNIQUE ("merchant_id", "asset", "cutoff", "open_slot")
) /* Every available commission and unsettled reversal of one asset up to `cutoff` (inclusive), */;
CREATE INDEX IF NOT EXISTS "idx_payout_batc_merchan_f4bb5a" ON "payout_batch" ("merchant_id", "status");
CREATE TABLE IF NOT EXISTS "payout_batch_line" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "asset" VARCHAR(3) NOT NULL,
    "status" VARCHAR(16) NOT NULL /* payouts.models.PayoutLineStatus */,
    "reason" VARCHAR(500) /* why carried forward, held, failed, returned */,
    "gross_minor" BIGINT NOT NULL /* sum of the partner's entries in the batch */,
    "withheld_minor" BIGINT NOT NULL /* tax withheld on the line */,
    "net_minor" BIGINT NOT NULL /* gross - withheld: what the bank sends */,
    "commission_count" INT NOT NULL /* commissions and reversals netted in the line */,
    "payee_name" VARCHAR(200),
    "payee_account" VARCHAR(200),
    "settled_at" TIMESTAMP /* when it became paid, failed or returned */,
    "batch_id" BIGINT NOT NULL REFERENCES "payout_batch" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_payout_batc_batch_i_156b88" UNIQUE ("batch_id", "partner_id")
) /* One partner's net in a batch: what is paid (or why it is carried forward or held). */;
CREATE INDEX IF NOT EXISTS "idx_payout_batc_merchan_84cf55" ON "payout_batch_line" ("merchant_id", "batch_id", "id");
CREATE TABLE IF NOT EXISTS "payout_minimum" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "asset" VARCHAR(3) NOT NULL,
    "minimum_minor" BIGINT NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_payout_mini_merchan_c29087" UNIQUE ("merchant_id", "asset")
) /* A merchant's minimum payout in one asset (minor units, or points); no row means the default */;
CREATE TABLE IF NOT EXISTS "payout_schedule" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "asset" VARCHAR(3) NOT NULL,
    "frequency" VARCHAR(8) NOT NULL /* payouts.models.PayoutFrequency */,
    "day" SMALLINT NOT NULL /* weekday 0-6 (weekly) or day of month 1-28 (monthly) */,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_payout_sche_merchan_437410" UNIQUE ("merchant_id", "asset")
) /* When `relay payouts tick` drafts a batch of one asset: at the end of every period, in the */;
CREATE INDEX IF NOT EXISTS "idx_payout_sche_frequen_69bd45" ON "payout_schedule" ("frequency");
CREATE TABLE IF NOT EXISTS "payout_terms" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL UNIQUE,
    "withholding" VARCHAR(40) NOT NULL /* name of a rule in payouts.withholding.RULES */,
    "updated_at" TIMESTAMP NOT NULL
) /* A merchant's payout settings; no row means the defaults (no withholding). */;
CREATE TABLE IF NOT EXISTS "points_redemption" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "points" BIGINT NOT NULL /* positive: points taken from the wallet */,
    "order_ref" VARCHAR(100) NOT NULL /* the shop's order the points paid for */,
    "idempotency_key" VARCHAR(200) NOT NULL,
    "balance_after" BIGINT NOT NULL /* wallet balance right after the redemption */,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_points_rede_merchan_3a1c49" UNIQUE ("merchant_id", "idempotency_key")
) /* Points a partner spent at the merchant's checkout on one order: the wallet went down by */;
CREATE INDEX IF NOT EXISTS "idx_points_rede_merchan_f9695c" ON "points_redemption" ("merchant_id", "partner_id", "id");
CREATE INDEX IF NOT EXISTS "idx_points_rede_merchan_812f0c" ON "points_redemption" ("merchant_id", "order_ref");
CREATE TABLE IF NOT EXISTS "points_restore" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "points" BIGINT NOT NULL /* positive: points put back in the wallet */,
    "idempotency_key" VARCHAR(200) NOT NULL /* the shop's, unique per redemption */,
    "balance_after" BIGINT NOT NULL /* wallet balance right after the restore */,
    "created_at" TIMESTAMP NOT NULL,
    "redemption_id" BIGINT NOT NULL REFERENCES "points_redemption" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_points_rest_redempt_2bab74" UNIQUE ("redemption_id", "idempotency_key")
) /* Points of a redemption put back in the wallet because the shop refunded (part of) the */;
CREATE INDEX IF NOT EXISTS "idx_points_rest_merchan_423172" ON "points_restore" ("merchant_id", "redemption_id");
CREATE TABLE IF NOT EXISTS "points_settings" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL UNIQUE,
    "expiry_months" SMALLINT /* null: points never expire */,
    "updated_at" TIMESTAMP NOT NULL
) /* A merchant's points wallet settings; no row (or no `expiry_months`) means points never expire. */;
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztPWt327qRfwVHX2yfVVzHjyRrt3uOnc1t05vEObFvb7d1DwWRkMSaAliCiqLe5r8vBg"
    "DfpEwyekAyvyQWiQHAGTzmPb/1pswhHj++9t2fyaJ3iX7rUTwl4o/cmz7qYd9PnsODEA89"
    "2RT7rvWoGw15GGA7FI9H2ONEPHIItwPXD11GofE1mpLAnmAaHnB0/fk9EpBXiFFvgdyQo7"
    "s/Xb84vXiFXI54yALi9FE4IdAIXhNvJN9M2JwKGJscw6AOs8WoLh2vqf8Zdf81I1bIxkS0"
    "DcQof/+HeOxSh3wjPPrpP1ojl3hOBouuAx3I51a48OWzG3f8noY/ybYw+6FlM282pUl7fx"
    "FOGI0BXBrC0zGhJMAhgRHCYAa4pTPP01SI0K0mmzRRs0zBOGSEZx5QCKDVBJJnPcv6dHtv"
    "3b27t6xegXoRRArh+pHNKFBeTJVLBIxhCi/++/T07Oz16cnZqzcX569fX7w5eSPayvkWX7"
    "3+riaTYEt1JXH2/o/vP93DhJhYXmrZwYPvEgaHWEFJYqTWsF4JVlMy5ACfpkeE/WUEiR7s"
    "P0USCgRMvCmg/u0EB+WIj9rnMC4+ZDUYTw6lTaB8ir9ZHqHjcCJ+vny1BJt/uf7y9k/XXw"
    "5fvjrKovSTfnMqX2WRKw4ta4L5pAmC0zCrQfJ2z5kMil+d10Dxq/NKFMOrLIr9gIzcb00Q"
    "nECYvIbF5wQ8ROKQg9uaBFxcgwwFxGZj6nKCMNIX+vZXucAM8ZpQIAbYHAF6vc0cIScndb"
    "B7clKNXniXxa8dEMCGhcMikv9XvAndKSlHdBYyh21Hgx5Hf5iz+OtjX3ygcytYR32qLUH+"
    "/fuP7+7urz9+huGmnP/Lk/i7vn8Hb07l00Xu6WF+G8SdoF/f3/8JwU/0t9tP7yR6GQ/HgR"
    "wxaXf/tx7MCc9CZlE2t7CTOoCjpxHWshcz+coeW1E9C7kCquvpmkL0HSFyhJMClUEWGT2m"
    "+GF4MMT24xwHjlV4w05ZVdviq+npNP8EUzyWRAJswjy14PjWc+3HXolEqV70lwmUdtzkSX"
    "HylhL01eVuKMS4gM3GE3F1cXE1EOS59PEKDZkQ+uDnI/FDdDjy8FhM9wgNZyGi5CsJEA7F"
    "ehA/iVMUJlfe+9Oi5N/zwoccnwX6F7PtWRCo7ScgC60z7xuJpdUXaqkQZBC32AMJPiAeXl"
    "hy5SA14aa36+lpjcv19LTyboVXuy2PbvZy3YpACvu2MfpTQB3qW6Pex0Eo0NQY+1m4jgCt"
    "CcBtgaUmB38MYLIoa4w6JntR18VxFmoPEX1eR2Y9rxZZzwsSq+s3VnulQPYQxavXe824OH"
    "AFY09LxMNqLGeh9k79cvGyDocoWlUiWr7LacjJiAiGPWikJU/B7B2WX56c1lnO0GyJmuu0"
    "sKRdbglxrYT1YMwjmFacGzFQDs9DAbUuRMdPNqvduLm9/ZBRbNy8z7EUn375ePNOoF7iXT"
    "RywwpOIy2FFhC+XL2UA91DrWKnYFqNgmnGQyYE4xtBRoXuoqop16S/VOmkG1vDVOsa7gwR"
    "HOIhXnA0d8OJdCnQYgtiI/jpBkiZXBKFEGKBI97PJ65HRBOXIw/zkJe5NKxljBJdVEGdFC"
    "NFXDlKn9R5PZgh1nVaJuNIkrKppbdNA8YuD7eHssppLRvm6RIb5mnRhtmplra84IdsRttw"
    "e2m4jtUzjtVLk5h8813RXQsiZyF3xmIsRxRdsQAsefUsSrtOcEN4+4+aE+mVMPXxu6Xc/D"
    "TdqgYXPwwwdVAwo1SQF+GYs/YDNg7w9Eo6D7sOeAcD4x0Siqm9kH7DgvmGBSL+ADYaBWxe"
    "xsKvfoDOLdnoy7GaQZf/N+AKo/YdN1iPG5QKJLF5mnHeCYzJeO69v7tF56cvXyNbHHrJ0W"
    "BjPkF4KtipsN5NlaXDWQ0qnFXS4CxPAbjH/82aGRvTMBtUal9zF//uTlwV4wl2N6PhXr25"
    "BnsemxPHcthUjMmLaP/z3e2ncrSXgOY5NNcO0X+Q5/K1yUO9349m1AasouHM9UIxkWMY73"
    "8aEqQ3ETwQT7locTTFC+QzQQgUsh/m4QCNGfYtIsrhx+u/5un19sPtTZ4vgw5ucsSbk+GE"
    "sUeLEzsgjextRUijj667ULBAgjdEv6p5C0LJiaPD+UT8ZR0fHx+1ObzW4hYd6VDF3K25QI"
    "TgnR28KNlalUzTkh42p2k4O1kvK3X68vz1+ZuzV+cxBxU/WcY4FTUIaWxJfr7JRigF3uAl"
    "Akp1K/Za3UXnFW30aLrG82CtFvaGxPnYiKInrTpBfxBM1KiPTsQfWtTvo0/iR/RJW9gKcC"
    "VbEIxqKUs/LtkMS83WFT10NuwGNuwuLqZ6we9XXIwhSq9bMNX2SjRe6kV/mbqLT5hvsbjd"
    "0wovqi3DAfFZAIbi4ULqnVLB89BnP7E1p+5Y5BDb5fAH6LRAcSUWBGe0RO+1vnHqmK/Jt5"
    "AEFHvwM2+9Xh46URJakTUWPdW6aDnvNHHGaeI6U/nWLYfpLdqA48+BmSz3mqUa3aJjgmGB"
    "np0meht4XrGmGU5h2kxZkALZQ/y+qYHfN5X4fZPHr0yS1PBsTsPs30GxFm1j5zC9x04Vmf"
    "00G4YsFHzL1KWsJOhjGdNZhDWZ7xTTnYJ90nMpQeOAca7tk820ahtmRx2X2zDJNvQpwhpN"
    "HymYv/DIV+KhaOp9xH3PDRGD3AVAOaOJ1Xon7dY2UrsevYipZDJNeIjDWYkJYRm7EEFs0G"
    "KjdbS7aq7ZosPzhqw1qRgWPem+stfMJ4Qiqh1FTN0FKSVmSzum6eJJL5jJkCIcSi2tA5lU"
    "GUQaLZoQJysa1gmvPauOrj0rBNdKk2xD6SUNs3/Sy6qS3Gw5o4ppOH4O+TxMw/mar1iXWz"
    "KaMjGrNTDAF4HNtr3HCt4DXhFDWu9A35BpntGQCDmraRaQPJzR92tIPE+IzGA59fACjQI2"
    "Fb/EJ4zEBdXKyXf1fqdbS3mzISYU7NF6thCbAT/BWo04aedmvYYExZqhB2/wJjTIw5lOBe"
    "ntLrBOZMp+zBHMtFWavzVwmWzqe6Slr1AOdmei456l9tbG1CZeO0JnQTs6G03nzvev8/3b"
    "uO/fB5eSXpX/n3zZX+YDKNl0y4va1UqdLI0zbISw9tO7QgNKtAFjALGo4HSnjDce4eqniq"
    "5RKWe0d1+kmC7PoLyOQUq9/xQGFFsJgwpKd0lrTNJddJ54xpEk5YOQ2j318Z+G6uoktcV9"
    "dFoVUL9MgxpB7NOaX1kQDX+cNVKNquYma4RM8leyBTbGLGjm2JiC2cOspWvA8r9m4mJzwx"
    "IsLzuR01D7dDRs+EgWXx9afuDapI2HSRl0R4zWxJDSQRs65AA7EnSecbtOiFh2bkaDDFiH"
    "/kboN0RL9FkZbXolOqLoVX+ZhshPNXpSPXTHpoRRguYTprQxPB+4qRKsyNBMiMyE7yMOBN"
    "ErQxn2FMgCDYGMRd3QWkaoldUYjF5PxoMGxA5mbqik2y7E0+Dt2e8US+aRJG0fbWab/iGb"
    "9KbcM7QtGuEQYRS6ngfej/aE2I9s1so3YPUeTILrAtcRq2m+wTycyXRo6wa5jmjPR/FpTf"
    "Actd+k27u+sjajFFl96Schzs38JjiOAQx2cDEGuzsSuyHYVvcr2ZBeb+WncoatbMSR5CEN"
    "9pyORA3J20fzdlQFEmD5D1XY2WndfH9b4VuUwGH5MoUWoXajS7QUeJMnvfZx3bmI82eQoq"
    "KXqt0jpFw2p0mFn3i9oEPI3/Yiyt/WKjPmWtgcMsVuo4QLMYDBJGnLR17U8egVraoRfFHi"
    "07sgpDHXnoXaQ1Svp3AMIA3bcVhtM2ynADuE18uI03lWdp6Vm9SZfyGjGc0qZLNv+ss05k"
    "HSppY/pWoPOflpmHZ5hMv8q1iMHtL51o9UwQ8fMjCAeyRwAxyBz+NAzQv8PQclxQDXNkod"
    "xXna2WtZbsVOF97pwo0/bjsny2exHZ5TqsleFKF4wKNLwm0VJLcW3k+lf2rju5CH7A6gHz"
    "DGdbHTLTbE6iN3u5R/XTBhJ/J2Iu+6RN6qaMLU2/7Tom+DeMJ7rdSWEmnEfsgEUQLAA7uP"
    "NP0oSRW6vUTgJQ2cSjgLKPhSCABKQp0nUndBnKIQvN6husKaRvMynXxrHEnSNlN5ajQ3ba"
    "fAOgn3x7QLMjSwnYohBdpRoS0V9jtsq5e9Sa/QiXTIxlTfpS+Y4OdQojg3lUrPQxvRK2Fy"
    "gD2SnjgRb2cSiQzhoe8gHkEwyY9lLHTycikHLWMa4Eh9rMdAXyNo8AjgoMQT7C3AKh43zo"
    "ELew14W5nL8QoNfhf87jdwmP4+EPR13IDYYnOGDA1CHAj+1ZoF3qCsHv06h3qagX6iuFac"
    "qNLGUx+7Y9qFV3Qsd8dyl19kW8wF3hGgd7nt+JbtHkJrdpZObpYmCM5CmWypaO+aVdM+t9"
    "RAVwwA2GxGabORvPrVvMGcNEZ7Fq4pJY1mFZucxCkYc1PS9A4OGle9WD++kyicHMuxtDB5"
    "DLTBfOjRhdiVIu8siJ0FsY7241cynDD2+IXYRJCkV6ICybXoL9ODzFVbK0g1rqEMkZnWlY"
    "8r9oDMCyQERscjzmXi2sFGaBD17zoymyimfC5Ds+OS4rIgpSNAuFh7ZcqQdQ5Vx6826bZz"
    "pTVJxuv0HsaRJCFBatM0YPmyUHsotqzFdXPInEVjl8EM0B5ievU+gSqcvqKYR+WRkoPapy"
    "NlZelgxYXsixFK0Prnu9tPVU4JCUyedXbtEP0HeS7fReQuwRxgI8MfR8v18OP1X/Mr+e2H"
    "25s84wsd3BRTHhAh9rURYHKgnQTTSTC1JJi3bDp1OVe0KEgvqbdLJRc72+5JoeVXcEFkNA"
    "7uRwQHlKNDFqCxWMUcwccdFd0TZelMBkH/vnginxfFlFV2/kAf6LWQUr6SgGNPijIoYHOQ"
    "ccC5AzISSJEGI0rGGHQ22omgjwYRlMVGA+lHOYi9twaIk/DygU5ckIMWsl/fJ9SRTiF9JS"
    "GpsuAyZtEduxSiFSFORfqUqJ45AM7hc1OJEtAjIT4XMx9gLkaR8pesDAWu8NReqBJRYLOG"
    "1BfwzYPB5/u7wUA+8xnst2P0GS+mIOZpYB8v2EyM7LCp2JAHXMwdDOCugxLSC5kOLzga4K"
    "/YlYfIoK8+WwFbQxzaE/nxsMpUv/KZ8ki1PSwOJvjA2uJgCsPqZ+Qc92TOwjhQ7B8l+Qqz"
    "Br90EEFZ6yS1T/zhcdNl7wqDZpCUm0dn1u/EW/Nv6M6s/xwJYG6o7kocA6PEQppTqB0n+j"
    "wdmzeUGApAlDutTNqgSKNSiZlMns2Xr9lgoi6Y6gEX0NMh7BOalCS7kl0mbHUjEq1MtSFT"
    "6RVRfzfFnleN/wjI6DPq5aVEdqoWdeyceipfuUGcXbAZ9s9OX7+KEQ8/luH87uP1hw9FxJ"
    "uf77UFyiPhSQlMNXG6znyAUtprguYYwGw8l4qtfSRE1pTA2gb/ZzXwf1Zd3rg8a0OzOzeB"
    "Mfp4kREcOjI0RvlVovJQF3EkjZt8AQ8xb1WmKAtnNLFSgSxwJyimCM0xB1WNLy8HRtFhFO"
    "TSj8lodo7ZmUcscV5ZsMa0nrEmC1UGajIFt2f7AUQ1sxKnQEy+RYwxXOY0lk0CfzOApssC"
    "Ka1wcjGk1O9GHzXbCs3eEH1ihUY6H4SNZxzSPezELb4j+ffBoAPI28hZtXov/OeYeKkn/c"
    "eTWuqHuoSW2ipHaCLNdKSmkmlHTNQR4pZmZ8oYsBouhzzsCtbDhs5KYJk9Ar/Qf6EJ8xyt"
    "yhLctesh/fY5LgfyzfcwxWEpK17tKpQD2wVvod6EzZV2TQlVaUlKxX77hIll8MNrYE0uRf"
    "8kNkQ2BATzMlotq8xRAN2/EKuLWl6gF0u8QC+KXqAx5oYL65EsWrCSZfAm85TXn98jMVPF"
    "S0bTR27dFJJb4vM1ltt422VAd+Y+W4Xn485dVV1UWPXG2y+fylzFkrw/VRPfkKIzlsGnr5"
    "puuTMd1DoIZfVN3w/YVyz6FsTAEHzljlBktxXzcD1unAbYOCfZexJM1cQrPWVVk349d1kr"
    "jFvXiPRLVXxOu12SMBTk4pcIj0R3L1S5ZxBW+igQLCvoIPraaINgsZZF9q2qa+UwG/UmnW"
    "NhaSqv2RnXbp96ZXM0JB6bXykRWzQAd9bADUNCVe4tsS7dgIvlLDobky7pqPluYbviKvls"
    "CJIQALat5eBFieK0EvcZmM0ZzV43vADTp9NcdCyOEvkIJfqbRlfb6kxq+pBsJHenYDaorZ"
    "5gb2SpGsCNtCMKrI/kHxAbDi4CggJ1Mb5mLba6nCyfBBY4MDQhRAnoBunxsikl9DUcZSOc"
    "4n9qpw10iMWNa7tT7CFFjZZFMmvFyy4Jl62gTZtNUgK6QdrEy7sBeQAGtgYF5pu3Kq6xYo"
    "+xme+0FIyzkJ1gbIpgXKIPkbM3RI76MvPIHQn/ov1wyoouZFsslaLK/HrqVR/UACqNa0ry"
    "gR5B5rlC/mzouXwihGTdVlUDpGAcR8SBIt3lJQdX0zVIUQNdSSgO4Iu6QJgjIce7cguKs1"
    "2aJTg4XGf89JRwH0tikR/lkYwMlOmlLO4x3b1YJJHEpd7FHyILQIDJS/wNU1wgBnJXH3Em"
    "m6sd+0APU2x6H6UGOEKCAdNin5ANwJMOghiJN5JWVfELi68SH+vkhq4dBhjRvyysLjWRLm"
    "WMSXLJrgiK276ItiIqNney7HwrlwuCO+Ky5ARCbm7I2RrjsJQ+64sHx9PpFmPIdjkXN+Ve"
    "CXf1fOJ60VXdR4IzIrKrekLFsuNhhckYFftSpES1d0gKZBc8Q1ZhTV2L00dn8aw+g3ZTsK"
    "tj8ezE+X2jepU4n9GhReJkC7rnYTs/FnMIXdzfgaBBO3fsLGRHZdOobIh67gNxxiT4LD5I"
    "Ibugncs26C9TznmyqeWn2tZSzXlkrLNeCUYwWEBaYe6OZSVS5X6r03Zh24afV3HLAw6wXK"
    "bNChn6NwlYuYZupSOAou5+EjcGXdrhQP8Y9CH1VZRkZnB0qZyFdZYu3YhnUnexOeXIDaVb"
    "8QONdXdx23R/cV4veEUCeLOQWjlIiBF1GLIQe0rBCN/0xy+3v3xGN/+Xyg4WEF+wfKqr6D"
    "PlK+hqiD1MbcIRJQI/lKF/MrdSL/dUzq1swp04+lx/XLn2Lt8o240EEYuKcpCExJnWZcrq"
    "tHo7wY9up5Jjsolq54hI7TuD43u1ByQ/VtfO8bWa9s9u7dKaWUt3nbjf0+q439NC3O8Wk5"
    "RtSC0lri6wCkF+jtSFlLWDodRyMnaT7GUalZY62rWkSNn7UrKKnbxEgvl1VUpYx5EFQMOE"
    "UzR5C+Q4qkaEKsKaTCoDL+yCLFhKlyJRfmIBEevuZ7KQhHkvpg+sewkFMsLcfbbPHSPL92"
    "j5RU+T+y7A81gGKFmV4g+BBaKMF1+E1P7l/VuB/m0K3mlSVArfOXo9KYDn1kw9IVyLfU4k"
    "Ic8nCzQV8uMiyf4kfn8F75MBJGsbHPXB/URKzXAb9qN0EsOFTHpNwPOElJRXXudgUepuWZ"
    "MoqTskkIoGrkOmPgvBHwYCLEtrFIlHEJIA/i8QkwBCMBNP6fgq8c2RVTsGKCSex5MCSKOA"
    "TcUvxx3JyYTqy8TbGRfgchpi0NruLbnJPp3cOkZCJwx3wrD5h/h2mJy9TEqZE4NTl4U5ov"
    "B+Cli993e36Pz05WuZp1LKwcZlqEzuhQbYzwAZTYFU3CK4oKpoWBnc6jrHxwXmo5aP0joK"
    "wubv8wbEKAE1mSQttQ5rqcyW5tiaoDwPt4f4Xn2awymZliQ5r0Zy1N7c2tItUbuW9DKde1"
    "c19nfT0WcFRcLSUXXS5l7ibHyjIX/6+QvxqpJwVdn6d2wlVKmGvq9TkfNZ8t83wHn0SlQ4"
    "6df9ZcqbdP6RemqbdzI0J060l0nASh00o5DKwZMVl3UyVjZKdCho5oN+emCLBTgaDdChS2"
    "1vxiEpdL+gtFnfUA+UClCoXkASRwlBOibZOK7CophPaC5yaUY9wtMFxcQLx+W2oCeojULI"
    "6QiUOnoqaknrk+TUBA8fjdQghMkDfb+cxAMd6eSRUuekOhVrcM7QyKWg8oJ8GAFH8lAGxZ"
    "Ar87TICnRjEiagsrva6qJYXFIjyvMq+pCndUc66qBTHHWKI+OP+M5A/Lz0F8mB1ojnjaF2"
    "h9/NZMxFv/+Dvj3gXnMpOvzl/m3NDA47wv/W8n/uQujWH0KXcArF22VZAF0GbnPhcxED0D"
    "R8TjOMMY8oK+5S40Lopi51p7NpG4eZAqjJN340W11mGFIVei44ZCsm2MOQAk6mXI6FVlO5"
    "AzAeQ9KshulscmAbPK6okMwanlbp2aqsFJpgbXiE8zoKsvNq/dh5pXps2Ei1noUymlXDvi"
    "uTLYPIesDtCXEEDQ6AZTuwPffADCqodKONyZAD27+E4+tb7506eN/VwaX7q0U5jixoFw9o"
    "stRDvvksaLe9c6AdnU2ms+0x3u4QTwN2NDaZxrG82YLMediO0qZRupWxVhq2SkT7BpbalF"
    "Xxg0t3kU3btq1Wom25vTbCbD2breVFzWv522tT5wHEWYeg4cXK5gfO8FgGlfvYdWQxOvCO"
    "d+UjcRoEoCQZsUBW+BUvJ+LDj8q97Fc7hDTEjgPGuVIwxcHoEBuvM08mI4L7u0s4OkwsxR"
    "xyVc54bCLmYPwdSL0CbAPdKXQT4m8oeg6h+RAdPxDfELWR01eWX/oo/fj5o5hyyBAn1DlG"
    "9xPyQOW72JMRWg0GN79F5T2+v/hN/DMYQKkMggZAOysJJDg6RmIdiBewOKSFOwr2x4Ho2m"
    "a+VlUlBTa0kVnGXohu0AiSdUFtA5gr1A+LOPBqo26m9Egq4v0p+20arouG7+y4u3D8b0dT"
    "u8WQ7I4A8GQ/DelmRFrvhq30ByJcMhwaMGd38fy3b0VtU2tzB0ps9oAzzPGEfckR9hHUDw"
    "M7akDCWVC7QPIGnKVTXGqzcz4HaPJB31vKdrs08Yw03nQac//NiFWE3Ry9ThoSKy/RRDX4"
    "TKZNLHA1I0sGzOgdJHc7ehET5jInWIIwWfd22QqFUjUFK7I8VVKpDNRoYqX1CCCQx1oEpP"
    "3H3Za7amXp3n3QGFjyVwMuIAtlMCdgUmCfQlqL3GYFwA7htRCuwzta2DCykDtjwRB8LwHF"
    "IxoSG3SAoCmNOF7QiTbjeXfdzJFeCu2qK/9wWWXjRHkTskPF/H2WEI3zQuWC1HaMFHUzQq"
    "XXoFG5oBT6PyqH2F6lUSpq0K9hkpqm2jarMp3zy02nXUKHqWpj/SRX09EV5AmGzElTgmmm"
    "3HPBMLXGsR7o4cXJ8clJxApG5c9goLgwpiqWaWM+6aOXqs9UxMtRw5C7rryYMcdkvzO9mE"
    "eSTvO/Cc3/c4kZMXyJd8V4qgmym07ZJQKRSbV1FVt4p6NBqhnHuEUdzpGnGz/JOv4KYvIg"
    "IJADU9vpUOjajwMkYyJ55HOUyQdxGUV5EerAC1Vj1ieBy5y+5t4KjOPaRkqKbhxAj0LY/7"
    "eAP0afZSvgMDGk84S0EkMiWEWivJ40mhD55nLQPyYFfeV8ljn61GIl/94bBUTACga2c+np"
    "+ModOOM7vnLP+MrkAGqA3wyQyTgu9yv5KT39pvh/UwP/byrx/yaPfweXYP5uij2v8mDRIC"
    "YfKL05IY9inujkxSt0CD+8xREoeOCZuKOnjIYT9PLF6Rt0KP8WrxtZ9M5OX7+Kzxz4seyU"
    "uft4/eFDiWm1C7DcM16+K6f6HKm+ExLcPQmmCn2l4pt6XUd2C+OWzXT+Wv8OtlrIIlmtYu"
    "foULxK5YIoCT1Zac9P1xzsRKNONHry8Hw2BHlmWWlkfJasNydz0rg0Ug0dp77j+MsvH97d"
    "teHnV5+4o+MwOg5jsxyGtGt/IVBFoKrMVKHNcl5DtraCbPMnGQ41iNipUZJf7kOdJK2fTb"
    "EM9oTYj8A06KLMLHBIcClbzYXoS0I0B0CHzSkaFsT0dY3zQAfqwwfoUJVaQYNBARWDQT8V"
    "czoYfP6iwkyPjtEnqRuGwcdQKBDLNMJKKy2V0HJ4NHa/Eh6VwIIVgDBHg4hAPGQBGQADxf"
    "uIYHsiuqFkjvSEZM0pFahbVu1Kqq0nzD/gl0miYUgqBf60uuaBLomVqoU1Fhv0Km7/QAFA"
    "lstiwJDFcNBc5kV2jtFA1/eyQA+eBAprrAbueCLGgVcybDaqofVA1dg8ccMeuQGkgRNwca"
    "mu9ZXQygb5RaWmc40klSBSuNPJd4znDtypXZjtsyRAnL65AfJjGJMR34sK7F5Gl2SIHwlV"
    "9ReTS6aRvnjDxEmukAZiWQbIaKtKwmUojkpFKCpayXwjI+Vo1NXlMvTEWn80SYY9bHZKFU"
    "CNPqw0x6snneZ85a7IilCmnledKayaILupslhp6alASaU/mtAsLeHu4ErYTjqzDNKWKHZi"
    "rNbQ6iRt66p0lP41PsuQPwuV6kLHYUSnIJFFu2M1hFaAQLUmYPxFN0eljn9rGSXStxymVS"
    "dpjY5Ew6XS3hR0Osk0rEi9cy/Pc7UVxCAPNDNZ5RgIKRtChqbKhxBDfGGk66lWa2TGaqXY"
    "yPbQ6S06vYXxx2mnt3ieBHhGeovy+8tkQeD5CMspJUZf142U9SkbC2ydLL05WTpmXE3dP5"
    "0gXU2Q/RKks4kBc/x7/Q1aADV5gxrIWizJnJE9ybMkaZ4+o8R/YseIUjeHRmFJmpVIQxLi"
    "Tjub9io1InGLfg2VCE83buhXq1g9fXUVnGAh87r4c0C++W6wsGSwAx8caedYDaxUB7IJec"
    "rZdtXDgSvJr+DrkYNBf0Cf+vlgTAXzIvKS8bDPCY9TzXtkFMoITPBaUTN8oOJec9wQfQIX"
    "D0IdHKjgD67vdVdlTletINMo8wS2Q/1Ae4ccqv9c2tcPxGQ632Hjz+b+zqhCng1BMgWokt"
    "1eJMHyELQCcCsybCjNG4Bclp19jQSJVUScdZ7B+yYdGO4ZfE0C156UMUn6zVLmCCdtnuKJ"
    "qum84hv6uVzPP5iytvrihZS6pSJRtWYvBWKyRq+t+8vFRR2V3cVFtcoO3hXK5DbBsG6+h9"
    "hdi0uXdkgvYvjPd7efKtRrCUj+9nTtEP0HeS7fRU3LEuQCMjJXZITTw4/Xf82j++2H25v8"
    "3Qcd3JTpWDZ5mX3/f0bimDI="
)
