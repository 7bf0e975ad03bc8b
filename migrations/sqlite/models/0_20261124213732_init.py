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
    "eJztPWt327qRfwVHX2yfVVxHtpNs3O45dja3TW8S58S+vd02PRREQhJqimAJKop6m/++GI"
    "AP8CWTjB6QzC+JRWBAcAaPec9vvRlziMtPr336M1n2XqPfeh6eEfFHrqWPetj30+fwIMQj"
    "V3bFPrUeok4jHgbYDsXjMXY5EY8cwu2A+iFlHnS+RjMS2FPshUccXX96hwTkFWKeu0Q05O"
    "juT9fPBpcvEOWIhywgTh+FUwKdoJm4Y9kyZQtPwNjkFF7qMFu8lXqTDY0/9+i/5sQK2YSI"
    "voF4y9//IR5TzyHfCI9/+g/WmBLXyWCROjCAfG6FS18+u6GTd174k+wLsx9ZNnPnMy/t7y"
    "/DKfMSAOqF8HRCPBLgkMAbwmAOuPXmrhtRIUa3mmzaRc1Sg3HIGM9doBBAqwmkz3qW9fH2"
    "3rp7e29ZvQL1YggN4dEjm3lAeTFVLhEwgSk8++/B4Pz85eDs/MWry4uXLy9fnb0SfeV8i0"
    "0vv6vJpNhSQ0mcvfvju4/3MCEmlpdadvDgu4TBIVZQkhjaGo5WgtWUDDnAx+kRY38VQeIH"
    "h0+RlAIBEy0F1L+Z4qAc8XH/HMbFh6wH4+mhtA2Uz/A3yyXeJJyKn89frMDmX64/v/nT9e"
    "fj5y9Osij9GLUMZFMWueLQsqaYT5sgWIdZD5J3e85kUPziogaKX1xUohiasij2AzKm35og"
    "OIUweQ2Lzwl4iMQhB7c1Cbi4BhkKiM0mHuUEYRRd6Ltf5QIzxG1CgQRgewTo9bZzhJyd1c"
    "Hu2Vk1eqEti187IIANC4dFJP+vaAnpjJQjOguZw7YTgZ7Gf5iz+OtjX3ygcytYx+hUW4H8"
    "+3cf3t7dX3/4BK+bcf4vV+Lv+v4ttAzk02Xu6XF+GySDoF/f3f8JwU/0t9uPbyV6GQ8ngX"
    "xj2u/+bz2YE56HzPLYwsKOdgDHT2OsZS9m8pU9tKJ6FnINVI+mawrR94TIMU4KVAZZZPyg"
    "8cPwYITthwUOHKvQwgasqm+xaTaY5Z9gD08kkQCbMM9IcHzjUvuhVyJRqob+KoHSTro8Kk"
    "7eegR9pZyGQowL2HwyFVcXF1cDQS71Hq7QiAmhD34+ED9Ex2MXT8R0T9BoHiKPfCUBwqFY"
    "D+IncYrC5NpHf1yU/Hte+JDvZ0H0i9n2PAjU9hOQhd6Z9kZiafWFWioEGcQt9kCCD4iLl5"
    "ZcOUhNuOntOhjUuFwHg8q7FZr2Wx7d7uW6E4EU9m1j9GtAHepbo97HQSjQ1Bj7WbiOAK0J"
    "wG2BpSYHfwJgsihrjDome1HXxXEW6gARfVFHZr2oFlkvChIr9RurvTSQA0Tx+vVecy4OXM"
    "HYeyXiYTWWs1AHp365fF6HQxS9KhEt23IacjImgmEPGmnJNZiDw/Lzs0Gd5QzdVqi5BoUl"
    "TbklxLUS1oMxl2Cv4txIgHJ4HgmoTSE6ebJd7cbN7e37jGLj5l2Opfj4y4ebtwL1Eu+iEw"
    "0rOA1dCi0gfLV6KQd6gFrFTsG0HgXTnIdMCMY3gowK3UVVU65Lf6XSKepsjbTeNdwZYjjE"
    "Q7zkaEHDqXQpiMQWxMbwkwZImVxShRBigSPaF1PqEtGFcuRiHvIyl4aNvKNEF1VQJyVIEV"
    "eO0id1Xg9miHWdlsk4kmg2NX3bNGDs8nAHKKsMatkwBytsmIOiDbNTLe14wY/Y3GvD7elw"
    "HatnHKunk5h886kYrgWRs5B7YzGWbxRDsQAsefUsSvtOcEN4+w8RJ9IrYeqTtpXc/EzvVY"
    "OLHwXYc1Aw9zxBXoQTztoP2CTAsyvpPEwd8A4GxjskHvbspfQbFsw3LBDxB7DRKGCLMhZ+"
    "/S/o3JKNvhyrGXT5fwOuMO7fcYP1uEGpQBKbpxnnncKYjOfeu7tbdDF4/hLZ4tBLjwYb8y"
    "nCM8FOhfVuqiwdzmtQ4bySBud5CsA9/m/WzNiow2xRqX3NKf7dnbgqJlNMt6PhXr+5Brsu"
    "WxDHcthMvJMX0f7nu9uP5WgvAc1zaNQO0X+QS/nG5KHe78dzzwasotGcuqGYyCm8738aEq"
    "Q3FTwQ11y0OJrhJfKZIAQK2Q/zcIDGDPsWE+X4w/Vf8/R68/72Js+XwQA3OeItyGjK2IPF"
    "iR2QRva2IqTRR9ddKFggwRuiX9W8BaHkxNHxYir+sk5PT0/aHF4bcYuOdahi7tZCIELwzg"
    "5elmytSqZpxQjb0zScn22WlRo8v3h58er8xUXCQSVPVjFORQ2Cji3JzzfZCKXAW7xEQKlu"
    "JV6r++i8Ehk9mq7xPFirhb0lcT4xokSTVoOgPwgmatxHZ+KPSNTvo4/iR/xJO9gKcCVbEI"
    "xqKUs/LtkMK83WFSN0NuwGNuwuLqZ6wR9WXIwhSq9bMNX2SjReqqG/St3Fp8y3WNLvcYWX"
    "F1mGA+KzAAzFo6XUO2nB8zBmP7U1a3cscohNOfwBOi1QXIkFwZlXovfa3HvqmK/Jt5AEHn"
    "bhZ956vTp0oiS0Imsseqx30XLeaeKM08R1pvKdWw71LdqA48+BmSz3mqUa3aFjgmGBnp0m"
    "ehd4XrOmGU5hr5myQAM5QPy+qoHfV5X4fZXHr0yS1PBs1mEO76DYiLaxc5g+YKeKzH6aj0"
    "IWCr5lRj1WEvSxiukswprMd4rpzsA+6VKPoEnAOI/sk820altmRx3KbZhkG/oUYY2mjxTM"
    "n7nkK3FRPPU+4r5LQ8QgdwFQzmhitd5J+7WN1K5HzxIqmUwTHuJwXmJCWMUuxBBbtNhEOt"
    "p9Ndfs0OF5S9YaLYYlmnRf2WsWU+IhL3IUMXUXaErMlnZM08WTXjCXIUU4lFpaBzKpMog0"
    "WjYhTlY0rBNee14dXXteCK6VJtmG0osOc3jSy7qS3Ow4o4ppOH4K+TxMw/mGr1jKLRlNmZ"
    "rVGhjgi8Bm294TBe8Rr4ghrXegb8k0z7yQCDmraRaQPJzR92tIXFeIzGA5dfESjQM2E7/E"
    "J4zFBdXKyXf9fqc7S3mzJSYU7NHRbCE2A36CtRpx0s7NegMJiiOGHrzBm9AgD2c6FaS3u8"
    "A6kSn7MUcw01Zp/jbAZbKZ75KWvkI52L2JjnuS2lsbezZx2xE6C9rR2Wg6d75/ne/f1n3/"
    "3lOP9Kr8/2Rjf5UPoGTTLTfuVyt1sjTOsDHCkZ/eFRp6JDJgDCEWFZzulPHGJVz9VNE1Ku"
    "VM5N0XK6bLMyhv4iWl3n8KA4qthJcKSndJa0zSXXSeeMaRRPNB0HZPffzrUF2dpLa4j0+r"
    "AupXaVBjiENa82sLouEP80aqUdXdZI2QSf5KtsDGhAXNHBs1mAPMWroBLP9rLi42GpZged"
    "WJrEMd0tGw5SNZfH1o+QG1SRsPkzLojhitiSGlgzZ0yAF2JOg84/adEIns3IwGGbAO/Y3Q"
    "b4iW6JMy2vRKdERxU3+VhsjXOj2qHrpjM8I8ghZTprQxPB+4qRKsyNBMiMyE7yMOBNErQx"
    "l2FcgSjYCMRd3QRt5QK6sxGL0ejQcNiB3Maaik2y7E0+Dt2e8US+aRRLePNrNN/5BNelvu"
    "GZEtGuEQYRRS1wXvR3tK7Ac2b+UbsH4PJsF1geuI1TTfYB7OZDq0dYPcRLTng/i0JniO+2"
    "/T7T26srajFFl/6Schzs39JjhOAAx2cDEGu3sSuyHYVvqVbEmvt/ZTOcNWNuJI8pAGe07H"
    "oobk7eN5O6oCCbD8xyrsbFA3399O+BYlcFi+TKFFPLvRJVoKvM2TPvJx3buI8yeQoqKn1e"
    "4RUi5beGmFn2S9oGPI3/Yszt/WKjPmRtgcMsO0UcKFBMBgkrTlIy/rePSKXtUIvizx6V0S"
    "0phrz0IdIKo3UzgGkIbtJKy2GbY1wA7h9TLidJ6VnWflNnXmn8l47mUVstmW/iqNeZD2qe"
    "VPqfpDTn4v1F0e4TL/Khaji6J86yeq4IcPGRjAPRK4AY7A53Go5gX+nsOSYoAbe0sdxbnu"
    "7LUqt2KnC+904cYft52T5ZPYDk8p1WQvjlA84vElQVsFyW2E91Ppn9r4LuQhuwPoB4xxXe"
    "x0iw2x/sjdLuVfF0zYibydyLspkbcqmlBr7T8u+jaIJ7yPlNpSIo3ZD5kgSgC4YPeRph8l"
    "qcKwrxF4SQOnEs4DD3wpBIBHwihPZDQEcYpC8GZf1RXWNJqX6eRb40ii20zlqdHctK2BdR"
    "Luj2kXZGhgOxWDBtpRoS0VDjtsq5e9Sa/QmXTIxl50lz5jgp9DqeLcVCo9DW1Er4TJAfZI"
    "euLEvJ1JJDKEh76DeATBJD+UsdBp40oOWsY0wJH6UI+BvkbQ4QHAQYkn2FuAVTxukgMX9h"
    "rwtjKX4xUa/i743W/gMP19KOjr0IDYYnOGDA1DHAj+1ZoH7rCsHv0mX/U4A/1Ica0kUaWN"
    "Zz6mE68Lr+hY7o7lLr/IdpgLvCNA7/Wu41t2ewht2Fk6vVmaIDgLZbKlor1rVk373EoDXT"
    "EAYLsZpc1G8vpX8xZz0hjtWbihlDQRq9jkJNZgzE1J0zs6alz1YvP4TqNwcizHysLkCdAW"
    "86HHF2JXiryzIHYWxDraj1/JaMrYw2diE0GSXokKJNejv0oPslB9rUDrXEMZIjOtKx9X7A"
    "KZl0gIjI5LnNepawcbo2E8PnVkNlHs8YUMzU5KisuClI4A4WLtlSlDNvmqOn616bCdK61J"
    "Ml6n9zCOJCkJtE3TgOXLQh2g2LIR180Rc5aNXQYzQAeI6fX7BKpw+opiHpVHSg7qkI6Uta"
    "WDFReyL95QgtY/391+rHJKSGHyrDO1Q/Qf5FK+j8hdgTnARoY/jpfr8Yfrv+ZX8pv3tzd5"
    "xhcGuCmmPCBC7GsjwORAOwmmk2BqSTBv2GxGOVe0KEgvWutKycXO9ntUaPkVXBCZlwT3I4"
    "IDj6NjFqCJWMUcwcedFN0TZelMBkH/vnginxfFlHUO/sX74l0LKeUrCTh2pSiDArYAGQec"
    "OyAjgRRpMPLIBIPOJnIi6KNhDGWx8VD6UQ4T760h4iR8/cWbUpCDlnJc3yeeI51C+kpCUm"
    "XBZcwinVAPohUhTkX6lKiROQAu4HO1RAnogRCfi5kPMRdvkfKXrAwFrvCevVQlosBmDakv"
    "4JuHw0/3d8OhfOYz2G+n6BNezkDMi4B9vGRz8WaHzcSGPOJi7mAApw5KSS9kOrzkaIi/Yi"
    "oPkWFffbYCtkY4tKfy42GVqXHlM+WRartYHEzwgbXFQQ3D6mfsHPdozsIkUOwfJfkKswY/"
    "PYigrHea2if58KTrqrbCSzNIys2jM+t34q35N3Rn1n+KBDA3VHctjoFxYqGIU6gdJ/o0HZ"
    "u3lBgKQJQ7rUzaoEijUomZTJ7tl6/ZYqIumOoRF9CzEewTLy1JdiWHTNnqRiRam2pDptIr"
    "ov5uhl23Gv8xkNFn1PPXEtlaLerEOXUgm2iQZBdshv3zwcsXCeLhxyqc3324fv++iHjz87"
    "22QHksPCmBqSZON5kPUEp7TdCcAJiN51KxtY+EyKoJrG3wf14D/+fV5Y3LszY0u3NTGKOP"
    "FxnBEUWGJii/SlUe6iKOpXGTL+AR5q3KFGXhjCaWFsgCd4JiitACc1DV+PJyYB46joNc+g"
    "kZzc4xO3eJJc4rC9ZYpGesyUKVgZpMwd3ZfgBRzazEGojJt4gxhsucxrJJ4G8G0HRZQNMK"
    "pxeDpn43+qjZVWj2luiTKDT0fBA2nnNI97AXt/ie5N8Hgw4gbytn1fq98J9i4qWe9B9Pa6"
    "kfRyW01FY5QVNppiM1lUx7YqKOEbcyO1PGgNVwOeRh17AetnRWAsvsEviF/gtNmetEqizB"
    "XVMXRa1PcTmQb76LPRyWsuLVrkI5sH3wFupN2UJp15RQpUtSKvbbJ0wsgx9eAxtyKfonsS"
    "GyISCYl9FqVWWOAujhhVhd1vICvVzhBXpZ9AJNMDdaWg9k2YKVLIM3mae8/vQOiZkqXjKe"
    "PqJ1U0juiM+PsNzG2y4Dujf32To8H/fuquqiwqo33mH5VOYqluT9qZr4hhSdsQw+fdV0y5"
    "3poNZBKKtv+n7AvmIxtiAGhuArOkax3VbMg7rcOA2wcU6y9ySYqYlXesqqLv167rJWmPSu"
    "EemnVXzW3S5JGApy8dcIj8Vwz1S5ZxBW+igQLCvoIPqR0QbBYi2L7FvX0MphNh5NOsfC0l"
    "Res3MeuX1GK5ujEXHZ4kqJ2KIDuLMGNAyJp3JviXVJAy6WsxhsQrqko+a7he2Lq+STIUhK"
    "ANi2loOXJYrTStxnYLZnNHvZ8ALUT6eFGFgcJfIRSvU3ja629ZnUokOykdytwWxRWz3F7t"
    "hSNYAbaUcUWB/JPyA2HFwEBAXqYnzDWmx1OVk+CSxwYGhCiBLQLdLjeVNKRNdwnI1whv8Z"
    "OW2gYyxuXJvOsIsUNVoWyawVL7siXLaCNm02SQnoFmmTLO8G5AEY2BoeMN+8VXGNNXuMzX"
    "2npWCchewEY1ME4xJ9iJy9IXLU57lL7kj4l8gPp6zoQrbHSimqzK+nXvXBCEClcdUkHxgR"
    "ZJ4r5M9HLuVTISRHfVU1QA+M44g4UKS7vOTgeoYGKWoYVRJKAvjiIRDmSMjxVG5BcbZLsw"
    "QHh+uMn54S7hNJLPajPJGRgTK9lMVdFg0vFkkscam25ENkAQgweYm/YYpLxEDu6iPOZHe1"
    "Y794xxqb3kfaC06QYMAisU/IBuBJB0GMxB1Lq6r4hcVXiY91cq+uHQYY078srE6bSJcyxi"
    "S5ZF8ExV1fRDsRFZs7WXa+lasFwT1xWXICITc35GyNcVjSz/riwfF4usUEsl3OxW25V8Jd"
    "vZhSN76q+0hwRkQOVU+oWHU8rDEZo2JfipSo9g7RQPbBM2Qd1tSNOH10Fs/qM2g/Bbs6Fs"
    "9OnD80qleJ8xkdWixOtqB7HrbzYzGH0MX9HQgatHPHzkJ2VDaNyoao594TZ0KCT+KDFLIL"
    "2rlsh/4q5Zwru1q+1reWas4lkyjrlWAEgyWkFeZ0IiuRKvfbKG0Xtm34eZX0POIAy2XarJ"
    "Chf5OAlWvo1voGUNTdT5POoEs7HkY/hn1IfRUnmRmevFbOwlGWrqgTz6TuYguPIxpKt+Iv"
    "XqK7S/rq4yV5vaCJBNCylFo5SIgRDxiyELtKwQjf9MfPt798Qjf/p2UHC4gvWD41VPyZsg"
    "mGGmEXezbhyCMCPx5D/2S0Ui/3WM6tbMKdJPo8+rhy7V2+U3YYCSIWlcdBEhJnWpcpq9Pq"
    "7QU/uptKjukmqp0jQtt3Bsf3Rh6Q/FRdO6fXato/09qlNbOW7jpxv4PquN9BIe53h0nKtq"
    "SWElcXWIUgP4d2IWXtYEhbTsZukoNMo9JSR7uRFCkHX0pWsZOvkWB+qUoJ6ziyAGiYcoom"
    "b4EcR9WIUEVYk0ll4IVdkAVL6VIkyk8sIGLd/UyWkjDvxPSBdS+hQEaYu8+OuWdk+R4vv/"
    "hpet8FeJHIACWrUvwhsECU8eKzkNo/v3sj0L9LwVsnRaXwnaPXowJ4bs3UE8Ijsc+JJeTF"
    "dIlmQn5cptmfxO+v4H0yhGRtw5M+uJ9IqRluw36cTmK0lEmvCXiekJLyypt8WZy6W9YkSu"
    "sOCaSiIXXIzGch+MNAgGVpjSLxCEISwP8FYhJACGbiqTe5Sn1zZNWOIQqJ6/K0ANI4YDPx"
    "y6FjOZlQfZlonXMBLqchXlrbvSU32ceTWydI6IThThg2/xDfDZNzkEkpc2KwdlmYIwofpo"
    "DVe3d3iy4Gz1/KPJVSDjYuQ2V6LzTAfgbIaApocYvggqqiYWVwK3VOTwvMRy0fpU0UhM3f"
    "5w2IUQJqMklaah02UplN59iaoDwPd4D4Xn+awxmZlSQ5r0Zy3N/c2tItUbuR9DKde1c19v"
    "fT0WcNRcL0qDppcy9xNr6JIH/6+TNxq5JwVdn692wlVKmGvm9SkfNJ8t83wHn0SlQ4enN/"
    "lfJGzz9ST23zVobmJIn2MglYPQfNPUjl4MqKy1EyVjZOdSho7oN+emiLBTgeD9Ex9Wx3zi"
    "EpdL+gtNncq754ngCF6gUkdZQQpGOSjeMqLIr5xMtFLs09l3C9oJhocCi3BT1BbRRCTkeg"
    "1MljUUuRPklOTfDw8ZsahDC5oO+Xk/jijaPkkVLnpAYVa3DB0Jh6oPKCfBgBR/JQBsUQlX"
    "laZAW6CQlTUDlcbXVRIi6pN8rzKv6Qx3VHUdRBpzjqFEfGH/Gdgfhp6S/SA60Rz5tA7Q+/"
    "m8mYi37/h+j2gHuNeuj4l/s3NTM47An/W8v/uQuh23wIXcopFG+XVQF0Gbjthc/FDEDT8L"
    "mIYUx4RFlx1zMuhG5GPTqbz9o4zBRATb7x49lGZYYhVaFLwSFbMcEuhhRwMuVyIrSayh2A"
    "8RiSZjVMZ5MD2+Jx5QnJrOFppc9WZaWICNaGR7iooyC7qNaPXVSqx0aNVOtZKKNZNexTmW"
    "wZRNYjbk+JI2hwBCzbke3SIzOooNKNNiZDDuzwEo5vbr136uBDVweX7q8W5TiyoF08oMlS"
    "D/nms6Dd9s6BdnQ2mc62y3i7Q1wH7GhsMo0TebMFmfOwHaVNo3QrY600bJWI9g0stZpV8T"
    "319pFN27WtVqJttb02xmw9m63lxt1r+dtHps4jiLMOQcOLlc0PnOGxDCr3MXVkMTrwjqfy"
    "kTgNAlCSjFkgK/yKxqn48JNyL/v1vkIaYicB41wpmJJgdIiNjzJPpm8E93dKODpOLcUccl"
    "XOeWIi5mD8HUq9AmyDaFAYJsTfUPwcQvMhOn4oviHuI6evLL/eg/Tj5w9iyiFDnHjOKbqf"
    "ki+ebEs8GaHXcHjzW1ze4/uz38Q/wyGUyiBoCLSz0kCCk1Mk1oFogMUhLdxxsD8OxNA28y"
    "NVVVpgIzIyy9gLMQwaQ7IuqG0Ac4X6YTEHXm3UzZQe0SLeH7Pf6nBdNHxnx92H4383mtod"
    "hmR3BIAnh2lINyPSej9spT8Q4ZLh0IA5u0vmv3sraptam3tQYrMHnGGOJ+xLjrCPoH4Y2F"
    "EDEs6D2gWSt+AsrXGpzc75HKDJB31vJdtNvdQz0njTacL9NyNWEXZ79DprSKy8RBPX4DOZ"
    "NonA1YwsGTCjd5Dc7ehZQpjXOcEShMm6t8tOKKTVFKzI8lRJpTJQo4ml6xFAIE+0CCjyH6"
    "ctd9Xa0r37oDGw5K8GXEAWymBOwKTAPoW0FrnNCoAdwmshPArvaGHDyELujQVD8L0EFI9o"
    "RGzQAYKmNOZ4QSfajOfddzOHvhTaVVf+4bLKxonyJmSHSvj7LCEa54XKBantGSnqZoTS16"
    "BRuaAU+j8oh9hepVEq7tCvYZKaaX2bVZnO+eXqaZfQsVZtrJ/majq5gjzBkDlpRrCXKfdc"
    "MExt8F1fvOPLs9Ozs5gVjMufwYuSwpiqWKaN+bSPnqsxtYiXk4Yhd115MWOOyX5nejGPJJ"
    "3mfxua/6cSM2L4Eu+K8VQTZD+dsksEIpNq6yq28C6KBqlmHJMedThHrnd+lHX8FcTkYUAg"
    "B2Zkp0MhtR+GSMZE8tjnKJMP4nUc5UU8BxpUjVmfBJQ5/Yh7KzCOG3tTWnTjCEYUwv6/Bf"
    "wp+iR7AYeJIZ0npJUYEcEqEuX1FKEJkW+Ug/4xLegr57PK0acWK/n33jggAlYwsJ1LT8dX"
    "7sEZ3/GVB8ZXpgdQA/xmgEzGcblfyU/69Jvi/1UN/L+qxP+rPP4dXIL5uxl23cqDJQIx+U"
    "DpLQh5EPNEZ89eoGP44S5PQMEDz8QdPWNeOEXPnw1eoWP5t2huZNE7H7x8kZw58GPVKXP3"
    "4fr9+xLTahdgeWC8fFdO9SlSfS8kuHsSzBT6SsU31VxHdguTns10/pH+HWy1kEWyWsXO0b"
    "Fo0nJBlISerHXkx2sOdqJRJxo9eng+GYI8saw0Mj5L1puTOWmoF6uGTrXvOP38y/u3d234"
    "+fUn7ug4jI7D2CqHcU0CWp6ZOGpZyVfgtM9jHEU1ndd8hz+VC/wHHVOrr2ZwnC2tJ1d9K2"
    "ggJqt02rpMXl7WcZm8vKx2mYS2QjKsRmpJ1f0AsbuRgipRiY4ihv98d/uxyuU9AcnfntQO"
    "0X+QS7lBarKm7m9lyAVkZK7IGKfHH67/mkf3m/e3N/m7Dwa4KfNB3OZl9v3/AZAHW+s="
)
