from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "api_key" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "key_hash" VARCHAR(64) NOT NULL UNIQUE,
    "prefix" VARCHAR(16) NOT NULL,
    "label" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS "idx_api_key_merchan_da0b9b" ON "api_key" ("merchant_id");
COMMENT ON COLUMN "api_key"."prefix" IS 'first characters, to recognise a key';
COMMENT ON TABLE "api_key" IS 'A merchant''s API key; only its SHA-256 is stored, the key itself is shown once.';
CREATE TABLE IF NOT EXISTS "click" (
    "id" VARCHAR(22) NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "link_id" BIGINT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "scene" VARCHAR(16) NOT NULL,
    "visitor_id" VARCHAR(40) NOT NULL,
    "ip_hash" VARCHAR(64) NOT NULL,
    "user_agent" VARCHAR(512) NOT NULL,
    "referrer" VARCHAR(1024) NOT NULL,
    "is_bot" BOOL NOT NULL,
    "occurred_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_click_merchan_55f48a" ON "click" ("merchant_id", "visitor_id", "occurred_at");
CREATE INDEX IF NOT EXISTS "idx_click_merchan_8035b4" ON "click" ("merchant_id", "occurred_at");
COMMENT ON COLUMN "click"."id" IS 'the relay_click id';
COMMENT ON TABLE "click" IS 'One visit through a share link; bots are kept (flagged) but never attributed.';
CREATE TABLE IF NOT EXISTS "customer_binding" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "customer_ref" VARCHAR(200) NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "bound_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ,
    CONSTRAINT "uid_customer_bi_merchan_4f4c33" UNIQUE ("merchant_id", "customer_ref")
);
COMMENT ON COLUMN "customer_binding"."expires_at" IS 'null: forever';
COMMENT ON TABLE "customer_binding" IS 'A customer stays with the partner of their first attributed order while this lasts.';
CREATE TABLE IF NOT EXISTS "merchant" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "timezone" VARCHAR(64) NOT NULL,
    "allowed_domains" JSONB NOT NULL,
    "webhook_secret" VARCHAR(100) NOT NULL,
    "attribution_window_days" INT NOT NULL,
    "attribution_model" VARCHAR(16) NOT NULL,
    "binding_days" INT,
    "allow_self_referral" BOOL NOT NULL,
    "webhook_url" VARCHAR(2000),
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "merchant"."currency" IS 'ISO 4217 code of every cash amount';
COMMENT ON COLUMN "merchant"."allowed_domains" IS 'hosts share links may point to';
COMMENT ON COLUMN "merchant"."webhook_secret" IS 'Standard Webhooks secret (whsec_...)';
COMMENT ON COLUMN "merchant"."binding_days" IS 'customer binding: null = off, 0 = forever, N = days';
COMMENT ON COLUMN "merchant"."webhook_url" IS 'where Relay POSTs its signed events; null: none are kept';
COMMENT ON TABLE "merchant" IS 'A brand running a partner program; its id is the tenancy key of every other row.';
CREATE TABLE IF NOT EXISTS "shop_order" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "external_id" VARCHAR(200) NOT NULL,
    "customer_ref" VARCHAR(200),
    "currency" VARCHAR(3) NOT NULL,
    "channel" VARCHAR(8) NOT NULL,
    "store_id" VARCHAR(100),
    "occurred_at" TIMESTAMPTZ NOT NULL,
    "subtotal_minor" BIGINT NOT NULL,
    "discount_minor" BIGINT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "partner_id" BIGINT,
    "attribution" VARCHAR(32) NOT NULL,
    "click_id" VARCHAR(22),
    "link_id" BIGINT,
    "scene" VARCHAR(16),
    "is_first_order" BOOL NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "visitor_id" VARCHAR(64),
    "partner_code" VARCHAR(32),
    "completed_at" TIMESTAMPTZ,
    "canceled_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_shop_order_merchan_353c8a" UNIQUE ("merchant_id", "external_id")
);
CREATE INDEX IF NOT EXISTS "idx_shop_order_merchan_1bdc36" ON "shop_order" ("merchant_id", "occurred_at");
CREATE INDEX IF NOT EXISTS "idx_shop_order_merchan_a6c602" ON "shop_order" ("merchant_id", "partner_id", "occurred_at");
CREATE INDEX IF NOT EXISTS "idx_shop_order_merchan_6fd939" ON "shop_order" ("merchant_id", "customer_ref");
COMMENT ON COLUMN "shop_order"."subtotal_minor" IS 'sum of line gross amounts';
COMMENT ON COLUMN "shop_order"."discount_minor" IS 'order-level discount, split over lines';
COMMENT ON COLUMN "shop_order"."total_minor" IS 'subtotal - discount';
COMMENT ON COLUMN "shop_order"."partner_id" IS 'attributed partner, null when none';
COMMENT ON COLUMN "shop_order"."attribution" IS 'rule that decided, or why none';
COMMENT ON COLUMN "shop_order"."is_first_order" IS 'customer''s first attributed order';
COMMENT ON COLUMN "shop_order"."content_hash" IS 'tells a replay from a conflict';
COMMENT ON COLUMN "shop_order"."visitor_id" IS 'the visitor id the shop sent';
COMMENT ON COLUMN "shop_order"."partner_code" IS 'the code entered, as typed';
COMMENT ON TABLE "shop_order" IS 'An order reported by the merchant''s shop, with the attribution decision and its reason.';
CREATE TABLE IF NOT EXISTS "order_line" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
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
);
CREATE INDEX IF NOT EXISTS "idx_order_line_order_i_b67cd5" ON "order_line" ("order_id");
COMMENT ON TABLE "order_line" IS 'One line of an order; `net_minor` is its gross less its share of the order discount.';
CREATE TABLE IF NOT EXISTS "partner" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "display_name" VARCHAR(200) NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "group" VARCHAR(40),
    "status" VARCHAR(16) NOT NULL,
    "recruiter_id" BIGINT,
    "reward_preference" VARCHAR(8) NOT NULL,
    "customer_ref" VARCHAR(200),
    "email" VARCHAR(254),
    "payee_name" VARCHAR(200),
    "payee_account" VARCHAR(200),
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_partner_merchan_a69e2e" UNIQUE ("merchant_id", "code")
);
CREATE INDEX IF NOT EXISTS "idx_partner_merchan_bc9d86" ON "partner" ("merchant_id", "recruiter_id");
CREATE INDEX IF NOT EXISTS "idx_partner_merchan_1b1e25" ON "partner" ("merchant_id", "customer_ref");
COMMENT ON COLUMN "partner"."code" IS 'entered at a till or checkout';
COMMENT ON COLUMN "partner"."recruiter_id" IS 'partner who recruited this one (level 2)';
COMMENT ON COLUMN "partner"."customer_ref" IS 'the partner''s own customer reference (self-referral)';
COMMENT ON TABLE "partner" IS 'Someone who shares the merchant''s links and is rewarded for the sales they bring.';
CREATE TABLE IF NOT EXISTS "refund" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "order_id" BIGINT NOT NULL,
    "external_id" VARCHAR(200) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "occurred_at" TIMESTAMPTZ NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_refund_merchan_caed02" UNIQUE ("merchant_id", "order_id", "external_id")
);
CREATE INDEX IF NOT EXISTS "idx_refund_order_i_ab8f81" ON "refund" ("order_id");
COMMENT ON COLUMN "refund"."external_id" IS 'the shop''s refund id';
COMMENT ON COLUMN "refund"."content_hash" IS 'tells a replay from a conflict';
COMMENT ON TABLE "refund" IS 'One refund event of an order (several allowed); its per-line parts are `RefundLine`s.';
CREATE TABLE IF NOT EXISTS "refund_line" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "refund_id" BIGINT NOT NULL,
    "order_line_id" BIGINT NOT NULL,
    "quantity" BIGINT NOT NULL,
    "amount_minor" BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_refund_line_refund__dfd06f" ON "refund_line" ("refund_id");
CREATE INDEX IF NOT EXISTS "idx_refund_line_order_l_57470a" ON "refund_line" ("order_line_id");
COMMENT ON COLUMN "refund_line"."quantity" IS 'units returned; 0 for an amount-only refund';
COMMENT ON COLUMN "refund_line"."amount_minor" IS 'net amount refunded on this line';
COMMENT ON TABLE "refund_line" IS 'The part of a refund that falls on one order line: units returned and net amount refunded.';
CREATE TABLE IF NOT EXISTS "share_link" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "code" VARCHAR(16) NOT NULL UNIQUE,
    "target_url" VARCHAR(2000) NOT NULL,
    "scene" VARCHAR(16) NOT NULL,
    "sku" VARCHAR(100),
    "campaign" VARCHAR(100) NOT NULL,
    "active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_share_link_merchan_d881c4" ON "share_link" ("merchant_id", "partner_id", "scene", "campaign");
COMMENT ON COLUMN "share_link"."campaign" IS ''''' when none';
COMMENT ON TABLE "share_link" IS 'A trackable short link of a partner, for one scene; `/r/{code}` redirects to `target_url`.';
CREATE TABLE IF NOT EXISTS "webhook_receipt" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "webhook_id" VARCHAR(200) NOT NULL,
    "body_hash" VARCHAR(64) NOT NULL,
    "status_code" INT NOT NULL,
    "response" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_webhook_rec_merchan_23a667" UNIQUE ("merchant_id", "webhook_id")
);
COMMENT ON TABLE "webhook_receipt" IS 'A shop event already handled: a replay of `webhook_id` is answered with the stored result.';
CREATE TABLE IF NOT EXISTS "commission" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "order_id" BIGINT NOT NULL,
    "order_line_id" BIGINT,
    "line_no" INT,
    "level" SMALLINT NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "asset" VARCHAR(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "base_minor" BIGINT NOT NULL,
    "rule_set_version" INT NOT NULL,
    "rule_id" VARCHAR(64) NOT NULL,
    "reversal_of" BIGINT,
    "refund_id" BIGINT,
    "status" VARCHAR(16) NOT NULL,
    "occurred_at" TIMESTAMPTZ NOT NULL,
    "available_at" TIMESTAMPTZ,
    "explanation" JSONB NOT NULL,
    "rejected_reason" VARCHAR(500),
    "rejected_by_key_id" BIGINT,
    "rejected_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "payout_batch_id" BIGINT,
    CONSTRAINT "uid_commission_merchan_9336a9" UNIQUE ("merchant_id", "reversal_of", "refund_id")
);
CREATE INDEX IF NOT EXISTS "idx_commission_merchan_5221f4" ON "commission" ("merchant_id", "order_id");
CREATE INDEX IF NOT EXISTS "idx_commission_merchan_a958f3" ON "commission" ("merchant_id", "partner_id", "occurred_at");
CREATE INDEX IF NOT EXISTS "idx_commission_merchan_7b0916" ON "commission" ("merchant_id", "status", "available_at");
CREATE INDEX IF NOT EXISTS "idx_commission_status_6a7a01" ON "commission" ("status", "available_at");
CREATE INDEX IF NOT EXISTS "idx_commission_merchan_9e33e8" ON "commission" ("merchant_id", "payout_batch_id", "partner_id");
COMMENT ON COLUMN "commission"."order_id" IS 'referral order id';
COMMENT ON COLUMN "commission"."order_line_id" IS 'null for a per-order reward';
COMMENT ON COLUMN "commission"."line_no" IS 'the line''s number in the order; null per order';
COMMENT ON COLUMN "commission"."level" IS '1: the attributed partner, 2: their recruiter';
COMMENT ON COLUMN "commission"."kind" IS 'cash or points';
COMMENT ON COLUMN "commission"."asset" IS 'currency code for cash, PTS for points';
COMMENT ON COLUMN "commission"."amount" IS 'minor units or points; negative for a reversal';
COMMENT ON COLUMN "commission"."base_minor" IS 'net amount the reward was computed on (refunded, negative)';
COMMENT ON COLUMN "commission"."reversal_of" IS 'the commission a reversal gives back';
COMMENT ON COLUMN "commission"."refund_id" IS 'referral refund that caused a reversal';
COMMENT ON COLUMN "commission"."occurred_at" IS 'when the order (or the refund) happened';
COMMENT ON COLUMN "commission"."available_at" IS 'completion + hold; null until completed';
COMMENT ON COLUMN "commission"."explanation" IS 'how the amount was computed, for people';
COMMENT ON COLUMN "commission"."rejected_by_key_id" IS 'API key that rejected it';
COMMENT ON COLUMN "commission"."payout_batch_id" IS 'payout batch that claimed it (set at approval, cleared if the line fails)';
COMMENT ON TABLE "commission" IS 'What one partner earns (or gives back) on one order line, or once per order.';
CREATE TABLE IF NOT EXISTS "commission_terms" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL UNIQUE,
    "hold_days" INT NOT NULL,
    "rounding" VARCHAR(16) NOT NULL,
    "points_per_unit" VARCHAR(20) NOT NULL,
    "points_rounding" VARCHAR(8) NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "commission_terms"."hold_days" IS 'after-sales window after completion';
COMMENT ON COLUMN "commission_terms"."rounding" IS 'half_up, half_even or down';
COMMENT ON COLUMN "commission_terms"."points_per_unit" IS 'points for one major unit (a decimal string)';
COMMENT ON COLUMN "commission_terms"."points_rounding" IS 'down or nearest';
COMMENT ON TABLE "commission_terms" IS 'A merchant''s commission settings: after-sales hold, rounding, points rate.';
CREATE TABLE IF NOT EXISTS "rule_set_version" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "version" INT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "active_slot" BOOL,
    "content" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "published_at" TIMESTAMPTZ,
    "retired_at" TIMESTAMPTZ,
    CONSTRAINT "uid_rule_set_ve_merchan_ec2c62" UNIQUE ("merchant_id", "version"),
    CONSTRAINT "uid_rule_set_ve_merchan_d1510c" UNIQUE ("merchant_id", "active_slot")
);
COMMENT ON COLUMN "rule_set_version"."active_slot" IS 'true while active, else null';
COMMENT ON TABLE "rule_set_version" IS 'One version of a merchant''s rule set; published versions are never edited.';
CREATE TABLE IF NOT EXISTS "ledger_transaction" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "kind" VARCHAR(24) NOT NULL,
    "asset" VARCHAR(3) NOT NULL,
    "reference" VARCHAR(100) NOT NULL,
    "idempotency_key" VARCHAR(200) NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "memo" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_ledger_tran_merchan_ee6fe8" UNIQUE ("merchant_id", "idempotency_key")
);
CREATE INDEX IF NOT EXISTS "idx_ledger_tran_merchan_4d3f8d" ON "ledger_transaction" ("merchant_id", "reference");
COMMENT ON COLUMN "ledger_transaction"."kind" IS 'payouts.ledger.TransactionKind';
COMMENT ON COLUMN "ledger_transaction"."asset" IS 'ISO 4217 code, or PTS for points';
COMMENT ON COLUMN "ledger_transaction"."reference" IS 'commission id, batch line id...';
COMMENT ON TABLE "ledger_transaction" IS 'One balanced entry: why money or points moved (`kind`), in one asset, caused by `reference`.';
CREATE TABLE IF NOT EXISTS "ledger_posting" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "account" VARCHAR(24) NOT NULL,
    "partner_id" BIGINT,
    "asset" VARCHAR(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "transaction_id" BIGINT NOT NULL REFERENCES "ledger_transaction" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_ledger_post_merchan_e4d386" ON "ledger_posting" ("merchant_id", "partner_id", "asset", "account");
CREATE INDEX IF NOT EXISTS "idx_ledger_post_merchan_065e30" ON "ledger_posting" ("merchant_id", "asset", "account", "partner_id");
CREATE INDEX IF NOT EXISTS "idx_ledger_post_transac_d19753" ON "ledger_posting" ("transaction_id");
COMMENT ON COLUMN "ledger_posting"."account" IS 'payouts.ledger.AccountKind';
COMMENT ON COLUMN "ledger_posting"."partner_id" IS 'owner, or counterparty of a merchant account';
COMMENT ON COLUMN "ledger_posting"."amount_minor" IS 'signed: positive adds to the account';
COMMENT ON TABLE "ledger_posting" IS 'One leg of an entry: a signed amount on one account; an entry''s legs sum to zero.';
CREATE TABLE IF NOT EXISTS "outbox_event" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "event_id" VARCHAR(40) NOT NULL UNIQUE,
    "type" VARCHAR(40) NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "attempts" INT NOT NULL,
    "next_attempt_at" TIMESTAMPTZ NOT NULL,
    "delivered_at" TIMESTAMPTZ,
    "last_error" VARCHAR(500),
    "status" VARCHAR(16) NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_outbox_even_status_4f837c" ON "outbox_event" ("status", "next_attempt_at");
CREATE INDEX IF NOT EXISTS "idx_outbox_even_merchan_1e28cd" ON "outbox_event" ("merchant_id", "id");
COMMENT ON COLUMN "outbox_event"."event_id" IS 'msg_...: the webhook-id header';
COMMENT ON COLUMN "outbox_event"."type" IS 'commission.created, payout.line_paid...';
COMMENT ON COLUMN "outbox_event"."payload" IS 'the body sent: {type, timestamp, data}';
COMMENT ON COLUMN "outbox_event"."attempts" IS 'deliveries started so far';
COMMENT ON COLUMN "outbox_event"."next_attempt_at" IS 'pending: due from then (a claim pushes it on)';
COMMENT ON COLUMN "outbox_event"."last_error" IS 'the last failed attempt''s answer';
COMMENT ON COLUMN "outbox_event"."status" IS 'OutboxStatus';
COMMENT ON TABLE "outbox_event" IS 'One signed event for the merchant (commission created or reversed, payout line paid or';
CREATE TABLE IF NOT EXISTS "payout_batch" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "asset" VARCHAR(3) NOT NULL,
    "cutoff" TIMESTAMPTZ NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "open_slot" BOOL,
    "minimum_minor" BIGINT NOT NULL,
    "withholding" VARCHAR(40) NOT NULL,
    "created_by" VARCHAR(40) NOT NULL,
    "approved_by" VARCHAR(40),
    "created_at" TIMESTAMPTZ NOT NULL,
    "approved_at" TIMESTAMPTZ,
    "exported_at" TIMESTAMPTZ,
    "closed_at" TIMESTAMPTZ,
    "discarded_at" TIMESTAMPTZ,
    CONSTRAINT "uid_payout_batc_merchan_fad3da" UNIQUE ("merchant_id", "asset", "cutoff", "open_slot")
);
CREATE INDEX IF NOT EXISTS "idx_payout_batc_merchan_f4bb5a" ON "payout_batch" ("merchant_id", "status");
COMMENT ON COLUMN "payout_batch"."asset" IS 'ISO 4217 code, or PTS for points';
COMMENT ON COLUMN "payout_batch"."cutoff" IS 'available_at < cutoff is in (UTC)';
COMMENT ON COLUMN "payout_batch"."open_slot" IS 'true unless discarded, then null';
COMMENT ON COLUMN "payout_batch"."minimum_minor" IS 'minimum payout applied at the last computation';
COMMENT ON COLUMN "payout_batch"."withholding" IS 'withholding rule applied';
COMMENT ON COLUMN "payout_batch"."created_by" IS 'api key id, ''schedule'' or ''cli''';
COMMENT ON TABLE "payout_batch" IS 'Every available commission and unsettled reversal of one asset available before `cutoff` (the first instant of the next period),';
CREATE TABLE IF NOT EXISTS "payout_batch_line" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "asset" VARCHAR(3) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "reason" VARCHAR(500),
    "gross_minor" BIGINT NOT NULL,
    "withheld_minor" BIGINT NOT NULL,
    "net_minor" BIGINT NOT NULL,
    "commission_count" INT NOT NULL,
    "payee_name" VARCHAR(200),
    "payee_account" VARCHAR(200),
    "settled_at" TIMESTAMPTZ,
    "batch_id" BIGINT NOT NULL REFERENCES "payout_batch" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_payout_batc_batch_i_156b88" UNIQUE ("batch_id", "partner_id")
);
CREATE INDEX IF NOT EXISTS "idx_payout_batc_merchan_84cf55" ON "payout_batch_line" ("merchant_id", "batch_id", "id");
COMMENT ON COLUMN "payout_batch_line"."status" IS 'payouts.models.PayoutLineStatus';
COMMENT ON COLUMN "payout_batch_line"."reason" IS 'why carried forward, held, failed, returned';
COMMENT ON COLUMN "payout_batch_line"."gross_minor" IS 'sum of the partner''s entries in the batch';
COMMENT ON COLUMN "payout_batch_line"."withheld_minor" IS 'tax withheld on the line';
COMMENT ON COLUMN "payout_batch_line"."net_minor" IS 'gross - withheld: what the bank sends';
COMMENT ON COLUMN "payout_batch_line"."commission_count" IS 'commissions and reversals netted in the line';
COMMENT ON COLUMN "payout_batch_line"."settled_at" IS 'when it became paid, failed or returned';
COMMENT ON TABLE "payout_batch_line" IS 'One partner''s net in a batch: what is paid (or why it is carried forward or held).';
CREATE TABLE IF NOT EXISTS "payout_minimum" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "asset" VARCHAR(3) NOT NULL,
    "minimum_minor" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_payout_mini_merchan_c29087" UNIQUE ("merchant_id", "asset")
);
COMMENT ON TABLE "payout_minimum" IS 'A merchant''s minimum payout in one asset (minor units, or points); no row means the default';
CREATE TABLE IF NOT EXISTS "payout_schedule" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "asset" VARCHAR(3) NOT NULL,
    "frequency" VARCHAR(8) NOT NULL,
    "day" SMALLINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_payout_sche_merchan_437410" UNIQUE ("merchant_id", "asset")
);
CREATE INDEX IF NOT EXISTS "idx_payout_sche_frequen_69bd45" ON "payout_schedule" ("frequency");
COMMENT ON COLUMN "payout_schedule"."frequency" IS 'payouts.models.PayoutFrequency';
COMMENT ON COLUMN "payout_schedule"."day" IS 'weekday 0-6 (weekly) or day of month 1-28 (monthly)';
COMMENT ON TABLE "payout_schedule" IS 'When `relay payouts tick` drafts a batch of one asset: at the end of every period, in the';
CREATE TABLE IF NOT EXISTS "payout_terms" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL UNIQUE,
    "withholding" VARCHAR(40) NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "payout_terms"."withholding" IS 'name of a rule in payouts.withholding.RULES';
COMMENT ON TABLE "payout_terms" IS 'A merchant''s payout settings; no row means the defaults (no withholding).';
CREATE TABLE IF NOT EXISTS "points_redemption" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "points" BIGINT NOT NULL,
    "order_ref" VARCHAR(100) NOT NULL,
    "idempotency_key" VARCHAR(200) NOT NULL,
    "balance_after" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_points_rede_merchan_3a1c49" UNIQUE ("merchant_id", "idempotency_key")
);
CREATE INDEX IF NOT EXISTS "idx_points_rede_merchan_f9695c" ON "points_redemption" ("merchant_id", "partner_id", "id");
CREATE INDEX IF NOT EXISTS "idx_points_rede_merchan_812f0c" ON "points_redemption" ("merchant_id", "order_ref");
COMMENT ON COLUMN "points_redemption"."points" IS 'positive: points taken from the wallet';
COMMENT ON COLUMN "points_redemption"."order_ref" IS 'the shop''s order the points paid for';
COMMENT ON COLUMN "points_redemption"."balance_after" IS 'wallet balance right after the redemption';
COMMENT ON TABLE "points_redemption" IS 'Points a partner spent at the merchant''s checkout on one order: the wallet went down by';
CREATE TABLE IF NOT EXISTS "points_restore" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "points" BIGINT NOT NULL,
    "idempotency_key" VARCHAR(200) NOT NULL,
    "balance_after" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "redemption_id" BIGINT NOT NULL REFERENCES "points_redemption" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_points_rest_redempt_2bab74" UNIQUE ("redemption_id", "idempotency_key")
);
CREATE INDEX IF NOT EXISTS "idx_points_rest_merchan_423172" ON "points_restore" ("merchant_id", "redemption_id");
COMMENT ON COLUMN "points_restore"."points" IS 'positive: points put back in the wallet';
COMMENT ON COLUMN "points_restore"."idempotency_key" IS 'the shop''s, unique per redemption';
COMMENT ON COLUMN "points_restore"."balance_after" IS 'wallet balance right after the restore';
COMMENT ON TABLE "points_restore" IS 'Points of a redemption put back in the wallet because the shop refunded (part of) the';
CREATE TABLE IF NOT EXISTS "points_settings" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL UNIQUE,
    "expiry_months" SMALLINT,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "points_settings"."expiry_months" IS 'null: points never expire';
COMMENT ON TABLE "points_settings" IS 'A merchant''s points wallet settings; no row (or no `expiry_months`) means points never expire.';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXetz27qx/1cw+mJ7ruI6fiS5dntn7Ny0TU8SZ2Kfnt7WHQkiIYnHFKkSVBT1NP/73Q"
    "VAEnzJJKMHJPNLYpFYEtwlgX38dve3zsS3mcuPr6fOT2zRuSS/dTw6YfBH5kyXdOh0mhzH"
    "AyEduGIonTq9RzVowMOAWiEcHlKXMzhkM24FzjR0fA8HX5MJC6wx9cIDTq4/vydAeUV8z1"
    "0QJ+Tk7s/XL04vXhGHEx76AbO7JBwzHISnmTsUZ8b+3AMaix3jTW3fgrs63mhN1595zr9m"
    "rBf6IwZjA7jLP/4Jhx3PZt8Yj35OH3tDh7l2iouOjRcQx3vhYiqO3Tij9174RzEWZz/oWb"
    "47m3jJ+OkiHPteTOB4IR4dMY8FNGR4hzCYIW+9mesqKUTslpNNhshZajQ2G9KZixJCajmB"
    "5Fin1/t0e9+7e3ff63Vy0osoNIarQ5bvoeRhqlwwYIRTePHfp6dnZ69PT85evbk4f/364s"
    "3JGxgr5ps/9fq7nEzCLXkpwbP3f3r/6R4n5MPrJV87PPBd0NCQSiohDO0dVm9Cr64YMoRP"
    "yyPi/jKBRAf2XyKJBAIfzuRY/3ZMg2LGR+MzHIcHWQ3Hk0VpEyyf0G89l3mjcAw/X75aws"
    "2/Xn95++frL4cvXx2lWfpJnTkVp9LMhUWrN6Z8XIfBOs1qmLzddSbF4lfnFVj86ryUxXgq"
    "zeJpwIbOtzoMTihMfofhcQIeEljkcLdmAYdt0CcBs/yR53BGKFEb+vbfcuAMc+tIICbYnA"
    "A6nc0sIScnVbh7clLOXjyX5q8VMORGj4Z5Jv8vnAmdCStmdJoyw21bkR5Hf5jz8lfnPjyg"
    "fQuqo1rVljD//v3Hd3f31x8/4+0mnP/LFfy7vn+HZ07F0UXm6GH2M4gvQn55f/9ngj/J32"
    "8/vRPs9Xk4CsQdk3H3f+/gnOgs9HueP+9RW1uAo6MR19IbM/vqPzaSeppyBVJX0zVF6Dsi"
    "5IgnOSmjLTJ81PRhPDCg1uOcBnYvd8Y/9cvG5k9NTifZI9SjIyEk5CbOUxmOb13HeuwUWJ"
    "TyRHeZQWnFQ540J289Rr463AnBjAv82WgMWxeHrYER1/Eer8jAB6MPfz6yaUgOhy4dwXSP"
    "yGAWEo99ZQGhIbwP8JPZeWNy5Vd/2pT8R9b4EPf3A/XLt6xZEMjPDyhzo1Pna5ml5RtqoR"
    "FkkLbYQQs+YC5d9MSbQ+SE6+6up6cVNtfT09K9FU/ttj262c11KwYpfre12a8RtaxvzPop"
    "DUJgU23up+laATQWALeAS3UW/pjAZFPWGHdMeqOuyuM01R4y+ryKzXpebrKe5yxWZ1rb7a"
    "WR7CGLV+/3mnFYcEGx9wrMw3Iup6n2zv1y8bKKhgijShktzmU85GzIQGEPannJNZq94/LL"
    "k9MqrzMOW+LmOs290g7vgblWoHr4vsuoV7JuxEQZPg+Aal2Mjo9s1rtxc3v7IeXYuHmfUS"
    "k+/fzx5h2wXvAdBjlhiaahW6E5hi93L2VI99Cr2DqYVuNgmvHQB8P4BsQo2Z13NWWGdJc6"
    "ndTg3kAbXQHOENERHtIFJ3MnHAtIgTJbiD/En05AZMglcQgRP7Dh/HzsuAyGOJy4lIe8CN"
    "KwlnsU+KJy7qSYKbDlSH9Si3oww6xrvUzGiUSLqemfTQ3FLku3h7bKaaUY5umSGOZpPobZ"
    "upa2/MIP/JnXRNvT6VpVzzhVTxcx+zZ14HINhJym3JmIsbgjXMoPMJJXLaK06wI3RLf/qD"
    "SRToFSH59bqs1P9FEVtPhBQD2bBDPPA/ESGmvW08AfBXRyJcDDjo3oYFS8Q+ZRz1oI3DAo"
    "3/iCwB+oRpPAnxep8Ku/QQtLNnpzLFfQxf81tMJofKsNVtMGhQMJPp56mndCYzKfO+/vbs"
    "n56cvXxIJFL1kaLMrHhE5AnQqr7VRpOZxVkMJZqQzOshLAffzffr1go06zQaf2NXfo7+5g"
    "qxiNqbMZD/fqwzXUdf05s3u2P4F78jzb/3J3+6mY7QWkWQ3NsULyH+I6fG32UOf3w5lnIV"
    "fJYOa4IUzkGO/3PzUF0hmDDsQ1iBYnE7ogUx8EQUL/h3U4ZGNKfYuEcvjx+m9Zeb39cHuT"
    "1cvwAjcZ4c3ZYOz7jz3OrIDVirflKY1euu5CUIFANyS/yHmDoMTEyeF8DH/1jo+Pj5osXm"
    "uBRUc+VJh7bw6MAN3ZpouCT6tUaVpyhc15Gs5O1qtKnb48f33+5uzVeaxBxUeWKU55D4LO"
    "LaHP1/kQCok3uImgU70Xo1Z3Ebyigh513/EsWaMXe0PmfBxEUZOWFyF/ACVq2CUn8Icy9b"
    "vkE/yIHmkLnwJuyT1MRu3JSD8t+BiWhq1LrtDGsGvEsKPNdRbUWooyZI0WoQ19EPMxAzXp"
    "CwKnyefbu3sufBDcGXnMRrMC2H1FpBPMA8U8Bro32aPBTKto6S019drspWebvWSIa/IWA+"
    "qdAr+kPNFd5pTkY3/a8+NxT7slPRW/D9jUDzCcP1gI76BW4gCv2U0QAZomRGxmORz/QM8j"
    "ftrwQnDfK/BOru8+VUAG7FvIAo+6+DOLMVie4FKQAJMO6T01Oo9vaP2lxvlLW0DD1uO7+i"
    "daQxnKkJnsnTDLgb1F+Ihh6bhtvGAbfF5xPABXYa+eS0cj2UP+vqnA3zel/H2T5a8oZVVz"
    "bdZp9m+hWItPuIW17zH0JfU9zQahH4LeMnE8vyA1Z5nSmac1We+E6U4wiuw6HiOjwOdcRZ"
    "Hr+T43rI7aDrdwkk3kk6c1Wj7CMH/hsq/MJdHUu4RPXSckPlaYQMkZLazGX9JufUbyqycv"
    "YimZLBMe0nBWEOhZpi5EFBuMqykf7a4G1bYIS99QCEHLNFKT7sqo2nzMPBE1MPkr0JyYdT"
    "6FDJnJ5kknmInELxoKL62N9W59zAdb1BFO2jSskgR9Vp4DfZZLgRaB85rWi06zf9bLqkoR"
    "bbnujWk8fg5VV0zj+Zq3WIf3RM5rElarAZPIE5uNkIgdvAe8JNO32oK+GQAF3DRkYGfVrd"
    "WSpTN6fw2Z64LJjJFThFEMA38Cv+ARhrBBNUJKrB4dvLXCRBtSQjEerWaLGTT4E6PVhLNm"
    "YPg1lJFWCj1i9uvIIEtnuhRETgJwnYnGCpQTnGmjYoxr0DL9ydRlDbFCGdqdyWF8lt5bi3"
    "oWc5sJOk3aytloObfYvxb7t3Hs3wfHY50y/J842V2GARRqes+NxlUqcC2CM/6QUIXTuyJ9"
    "j6kARh8zhhF0J4M3LuMKxityoGRhIIXuixzTxXWu13GTQvSf5IBUK/GmIOm2tJBJvosWiW"
    "ecSDQMgvb1VOe/TtV2s2rK+2i1yrF+mQc1otind35lqU78cVbLNSqHm+wRMgmvZAE3Rn5Q"
    "D9io0exhbdk1cPlfM9jYnLCAy8tWZJ1qn5aGDS/J8PRhbxo4FmuCMCmiboXRWBjCOmgihw"
    "xhK4IWGbfrgoht53oySJG17K/FfkO8RJ9l0KZT4COKTnWXeYim2qAn3UN3/oRhbvZ87Etv"
    "DM8mbsoyOCI1EzMz8fmYjaUOZKCMupJkQQYoxrxvaC13qFR7GoNeT+aDBswKZk4ords2xd"
    "Pgz7PbOpbME4keH60Xm/6hmPSm4BkqFk1oSCgJHddF9KM1ZtajP2uEDVg9ggm0LoSO9OpW"
    "hczSmSyHpjDIdWR7PsKj1eFzNH6TsHe1ZW3GKbL6Bl1gzs2mdXgcExgMcDGGuzuSuwFqq/"
    "OVbcivt/JVOaVW1tJIspQGI6cjU0Po9tG8bdknBlX+Q5l2dlq1KuNW9BZpcPSmotAZ86xa"
    "m2gh8SZXeoVx3bmM82dQoqKjdVgCK9efe0kfpvh9IYdYZe9FVGWvUf3Stag5bEKdWgUXYg"
    "KDRdJUj7yoguiFUeUMvijA9C4Yq621p6n2kNXrae+DTKNWnFZbj9saYcvwahVxWmRli6zc"
    "pM/8CxvOvLRDNn2mu8xjHiRjKuEp5XhZ4lSHPOJm/hVeRpeoqvhHsi3LFCswIDwStQEu6q"
    "D25bwQ79kvaNm4trtUcZzrYK9ltRVbX3jrCzd+uW1Bls/ic3hOpSY7UYbiAY82CadRktxa"
    "dD9Z/qkJdiFL2S5APxCMa3OnG3wQq8/cbUv+tcmErcnbmrzrMnnLsgm1s92nTd8a+YT3yq"
    "ktLNJI/RAFooDAxbiPCP1ISxUve0kQJY2aSjgLsDMIAr08Fqo6keoSzM4bweu9Vdv+1Ghd"
    "prVvjROJHjMVq0b90LZG1lq4P+ZdEKmBzVwMGmkrhaZS2O+0rU56J70iJwKQTT21l77wQZ"
    "8jiePcVCk9D29Ep0DJQfVIIHEi3c4kERmiQ99hPgIoyY9FKnRycqkGLXIacEl9rKZAXxMc"
    "8Ijk6MQD9RZppY4b18DFbw11W1HL8Yr0fxf87jcETH/vg3xtJ2AWfJyhT/ohDUB/xW6B/Y"
    "K+XGu91dMK9BPNteJClRadTKkz8tr0ilblblXu4o1si7XAWwF0Lred37LdRWjNYOlkZ6nD"
    "4DSVyZGK5tCstfS83XBFabOZvPq3eYM1aYxGFq6pJI1SFeusxBqNuSVpOgcHtbterJ/fSR"
    "ZORuVY2j4+JtpgPfRoQ9zZhvFtBLH8RW8jiGvwfvzCBmPff/zCLAYi6RS4QDIjusv8IHM5"
    "thdogys4Q0SldYlxpS6KeUHAYLRdZl8m0A5/SPrR9R1bVBOlHp+L1Oy4pbhoSGkDCYd3r8"
    "gZss5bVcHVJpdtobQm2Xit38M4kSQi0D6aGipfmmoPzZa1QDcHvr2oDRlMEe0hp1ePCZTp"
    "9CXNPEqXlAzVPi0pKysHCxvyFO5QwNa/3N1+KgMlJDRZ1dmxQvIf4jp8F5m7hHPIjZR+HL"
    "2uhx+v/5Z9k99+uL3JKr54gZt8yQMGZl8TAyZD2lowrQVTyYJ5608mDudSFjnrRTu71HKx"
    "0uOeNFp+QQii78XJ/YTRwOPk0A/ICN5iTvDhjvLwRNE608ek/ykcEcfzZsoqL/7gPXjXYK"
    "V8ZQGnrjBlSODP0cZBcAdWJBAmDSUeG1H02SgQQZf0I6qeP+wLHGU/Rm/1CWfh5YM3dtAO"
    "WojrTqfMswUopCstJNkWXOQsOiPHw2xFzFMRmBJ5ZY6Ec3xcrVACeWRsymHmfcrhLsL+Ep"
    "2hEArvWQvZIgpj1lj6Ap+53/98f9fvi2NTH7+3Y/KZLiZo5iniKV34M7iz7U/ggzzgMHcM"
    "gDs2SUQPNh1dcNKnX6kjFpF+Vz62JO4NaGiNxcPjWyavK45JRKrlUliY8AErm4Mah+XPCB"
    "z3ZM3COFHsnwX1CtMBPz2JoGh0UtonfvB46LJzuZummJSZRxvWb81b83foNqz/HAVgbqru"
    "SoCBUWEhpSlUzhN9nsDmDRWGQhIJpxVFG6RoZCkxk8Wz+fY1GyzUhVM94EA9GeB34iUtya"
    "7EJRO1upaIVubaEKX08qy/m1DXLed/RGT0GvXyUjBb60Udg1NPxSkniKsL1uP+2enrVzHj"
    "8ccynt99vP7wIc948+u9NmB5ZDxJg6kiT9dZD1BYe3XYHBOYzedCs7VLwGTVDNYm/D+rwP"
    "+z8vbGxVUb6u25CY3Ry4vI4FCZoTHLrxKXh9yII2vc5A14QHmjNkVpOqOFpSWy4J4glSIy"
    "pxxdNVOxOfgeOYySXLqxGM2uMTtzWQ/Wqx6+Y8rPWFGFKiI1WYLbi/0go+pFiTUSk3cRYw"
    "KXGY9lncTfFKHptoDmFU42Bs39bvRSs63U7A3JJ3Zo6PUgLDrjWO5hJ3bxHam/jwEdZN5G"
    "1qrVo/CfY+GljsCPJ73UD1ULLfmpHJGxCNOxik6mHQlRR4xbWp0pFcCq+TpkaVfwPmxorU"
    "SV2WX4i/wXGfuurVxZoF07LlFnn+PrwL5NXerRsFAVL4cKZch2AS3UGftz6V2TRpVuScnc"
    "7ynz4TX44XdgTZCiX5mFmQ0Bo7xIVss6c+RI9y/F6qISCvRiCQr0Io8CjTk3WPQe2aKBKl"
    "lEb7JOef35PYGZSl0ymj5xqpaQ3JKer7jcBG2XIt2Z/WwVyMed26rarLDyD2+/MJWZjiVZ"
    "PFUdbEgejGXw6iunWwymw14Hoei+OZ0G/lcK1wZhUEy+coYkitvCPByXG+cBNg4ke8+CiZ"
    "x4KVJWDulWg8v2wnh0hUw/reOzDrtkYQji4peEDuFyL2S7ZzRWuiQAlRV9EF0VtCH4shZl"
    "9q3q0hIwG11NgGPx1ZSo2RlXsE/1ZnMyYK4/v5ImNgxAOGvghCHzZO0teC+dgMPrDBcbsb"
    "boqPmwsF2BSj4bgSQCwM+2Z9NFgeO0lPcpms0FzV7X3AD11WkOF4alRBwiif+m1ta2upCa"
    "WiRr2d0azQa91WPqDnuyB3At74gk6xLxB+aGI0QAJFCV42v2YsvNqTdlQQ8BDHUEUUC6QX"
    "m8rCsJtQ1H1Qgn9FcF2iCHFHZcy5lQl0hpNGySWSlfdkm6bIlsmnwkBaQblE38etcQD9Lg"
    "p+Gh8s0bNddYMWJsNrUbGsZpytYwNsUwLvCHiNkbYkd9mbnsjoV/VTicoqYL6RFLragiXE"
    "+17oOKQJZx1SwfvCLaPFdkOhu4Dh+DkazGym6AHgbHCbOxSXdxy8HVXBqtqL7qJBQn8EWX"
    "IJQTsOMd8QnC2i7CEhwB1ymcnjTuY0sswlEeicxAUV6qx11fXR5eksjikufiBxENIDDkBX"
    "/jFBfER7urS7gvhssv9sE71NT0LtFucERAAVNmH9gGiKTDJEbmDkVUFX5ReCp4WDtz68pp"
    "gJH8i9LqtIm0JWNMskt2xVDc9ka0FVOxPsiyxVYuNwR3BLJkB2A319RsjQEs6Wt9fuF4ut"
    "xiTNms5uKm4JW4V8/Hjhtt1V0CmhETl6pmVCxbHlZYjFGqL3lJlKNDNJJdQIasIpq6FtBH"
    "G/EsX4N207CrEvFszfl9k3qZOZ/yoUXmZAO5Z2lbHIs5gs5/3wHIoBkcO03ZStk0KRvinv"
    "vA7BELPsMDSWbnvHPpAd1lzjlXDO1NtbGVXHMuG6mqV6AIBgssK8ydkehEKuG3qmwXtSz8"
    "eRWPPOBIy0XZrNAn/2aBX+yhW+kd0FF3P44Hoy/tsK9+9LtY+ioqMtM/upRgYVWlSw3iqd"
    "Jd/tzjxAkFrPjBi3138Vj9enFdLzzFAjyzEF45LIgRXTD0Q+pKByM+05++3P78mdz8n1Yd"
    "LGBTUPnkpaLHFKfwUgPqUs9inHgM+OP55FffKfXLPVVzK11wJ84+Vw9X7L3LDkpfRpDAS+"
    "VxtIRgTWsrZbVevZ3QR7fTyTH5iCrXiNC+O4PzexUCkh/Lbef4Wk77J6dya810pLtK3u9p"
    "ed7vaS7vd4tFyjbkloKtC6NCWJ9D25DScTCivU7GfiR7WUaloY92LSVS9r6VrFQnLwkov4"
    "4sCWvbogFomGiKJn8CGY2qlqDytCaLysANO2cLFsolL5Q/+gGD9+4nthCCeQ/TR9W9QAIp"
    "Y+4+fc0dE8v36PWLjib7XUDnsQ1Q8FbCH8AFJoMXX8Bq//L+LbB/m4a3LopS4zsjrycN8M"
    "w7U80IV2afHVnI8/GCTMB+XCTVn+D3V0Sf9LFYW/+oi/ATYTXjbtiNykkMFqLoNUPkCSto"
    "r7zOm0Wlu0VPoqTvEDCV9B2bTaZ+iHgYTLAs7FEEhzAlAfEvmJOARrAPR73RVYLNEV07+i"
    "RkrsuTBkjDwJ/AL9sZismE8sng7IwDuZgG3LQyvCUz2aeLW8dMaI3h1hg2fxHfjpKzl0Up"
    "M2awtlmYYwrvp4HVeX93S85PX74WdSqFHWxchcpkX6jB/RSR0RLQ8hYRgiqzYUVyq2MfH+"
    "eUj0oYpXU0hM3u5zWEUUBqskgaeh3W0plN19jqsDxLt4f8Xn2ZwwmbFBQ5L2dyNN7c3tIN"
    "WbuW8jItvKuc+7sJ9FlBkzA9q07E3AvAxjeK8o8/fWFuWRGuslj/jr0JZa6h7+t05NzOwo"
    "H/7R02SO4UuHD0091lzhtfDBTZtBXbQKMnRcEYZH/moapcGMdeDjX9SK0DqKXKep9YykxV"
    "EREak2jt5edaBazpNg8elh9h9lE3Lv+g2kcId43mw8LcJwF6EAUhsLxJwKZ+EHKBfKCemh"
    "X75nBMiRo+eOi/waZqWO0E86IUpariNsG72cfkf5nrfBXeHwpTY5SHohPcZfrZbGbPpq5j"
    "wUPxBw/9TeJ2iMaQPdv6UePrF3CoT8awGKkOdVXwEgni32PfQlikQ9D2wrKGYS3WoXXv7M"
    "JCvB33TvRh1tFCdZrVaKLr+BZAVxn1wJ6Va1Oy3qjVpomZe15FST0v11HPcyqq4FsN1kfj"
    "TbauNAfDsdrZot3sWLRpwt2soaNh9RKAibk+LXj/y9NvNJJdSL8Rheaxdzrh8N0Cs3C2sA"
    "+D5QI76WTaFfnG36uJo03RMWbD2BGbrRJmX+lwdUou6SSbUwBOan57tlSYHcax7W+AWj4o"
    "4EO6pd5uWYW55jdVQL47H1bUZ+CS2DMmg88hVrE/pLIMJJnO+JghrhxsmoqVf/bpG7Qj26"
    "7Bi5GlbXNnTJa0C3Z7jwVBEbqwXPdMUxlc4lx22UTfhHSXELViHUTglSaa51o81DtS7aBZ"
    "g5aOdOPdxTPeTuUDQ5LGPgsD6AaDrZ0Cl6d+urvM5amXXK7m8nwnqhHFvUVSPac8m8w8rF"
    "6Ln0ncf8ofJrAxjXDAhn7ASN+CtWU47JPDpPCsI2CUYVRNCfUEzK9yfPuom3OObntCD57H"
    "QtH8lSV5ZvAK+sLZymVVKR9e+kzhp5nnMi79qjJoDidsh1vwbiDqTigTKPWjp4o+KTiemH"
    "WXxHeqUQEKd1s5iQcvci0LH7C8KKy0c9AyHQ8Rg1hOOODSyYy4OkeUuUa3LRmxMCEVl6uM"
    "tovRJvKO4huMHuRp6J1axlrHbOuYNd7ObvNrnhf8K1nQarmbYqodsoj1hmPk92rzwG3NAb"
    "P45/u3z9AK3hGVfKcLkCWKQn5zWVZ+LEW3ueJj0f5ft/iY0hdjFbFLYhXxh7+rFRYgmzie"
    "M5lNmqQb5khN3vCj2UbICrCxXEciGWKHgWxYF0N+TFUOMPUGWw7ULAaeIdvgcuWB+VbXfa"
    "DNVtb0VQIzI24YhZcGtYDJaSqjNTU6dUSrOrRYD7g1ZjbI4AA1tgPLdQ7MkIJs1lRbDBky"
    "g32ZDffs9b3vbSB238G0hd9Xg2bGadI2ImSy1cO+ITq0kZwzpK2cTZaz5fq82SKuE7YyNl"
    "nGsb3ZJI6foW0lbZqkG6W6iLhWgWlfI89FC1B+cLxdVNO2kumSZdvy0G/E2Wrh354bDa+U"
    "9qIinQdYpRIDpITKkB+WEqGiJKdIMzkECw9rizjiEKwGATpJhn6AzEDzbwwPflRco2S1tx"
    "Bx2FHgcy4dTHEpT6wsqgK7yR2xeAjC7LTEGo6dfmY8jiNzjP32hV8BPwN1UbxMSL+R6DgW"
    "NsXaon14hmiMmL4M/HqPogoKf4Qphz5iau1jcj9mD544F+eB46h+/+a3qDny9xe/wT/9Pj"
    "YaZqQvkNBJGZajYwLvAZzAl0OEwaNSqTSAS1v+VLmqkvbEKsYssn7gMmSIrQ6wMyzOFfN2"
    "Ig28PKabatys1Qt9Knyr07X5NW0YdxeW/+14ardY0LIVAB7Zzzh6Q7fgiiPluxErbYIUV/"
    "WBUhoaKmfbBjOmy9RQXlThcFmNmojCYI93BzXDjE7YFRphV+F5u6BkhbPAaxYKWguQV9NS"
    "663zGUKTF/rOUrVbJaLHuFRT94O09l9PWHlacxOPshaNCHEre9FU2cQGVz2xpMiM/oLE10"
    "5exIK5zBiWaExW3V22IqHEtu6V1MgvlVIRqdHC0v0IaJDHXgSi4ONOw69qZdl8U/QY9MSv"
    "GlpAmspgTaChkruWsmiSaQ06Q+QIW4ZXYrjKAWkQw0hT7kwEA/RerOcTkgGz0AeIntJI45"
    "WVgerovLse5tBfBd3bWF0rSPk2Dd5nDPSf5GJMGVnkBVG7qn4m323HRFEWSupm6unr76BR"
    "lfQl+z9KQGynNCgVDehWCElNtLFPxqOu42JhByJIo+Ny9aL15FAo9phIh7XL4jSRoyvsso"
    "Z15yeMeipnTkk5I8F13uvBO7w4OT45iVRBaxZgOAd7w03or9G1RHqLRfm4S17Ka2oJL0c1"
    "M+6ysZk29NKGXkxfLlvP/9Z19BV7/p9Lzojhr3jbyrxcILsJyi4wiGKMkjFVLO5UNki54h"
    "iPqKI5cn3wk6rjL2gm9wOGHYRUnI6EjvXYJyInkkeYo1TRiMsoy4thmdshlr8NFqogRFdp"
    "bznFcW13SloWH3BRh4/8G+iPyWcxCjVMis2QsKqEKnEhUE+KTbJqL6KBAixsAdeX81kG9K"
    "mkSv6jMwwY0IIC20J6Wr1yB9b4Vq/cM70yWYBq8DdFZDKPi3Elf9SnX5f/byrw/00p/99k"
    "+W/TAs7fTajrli4sisTkBaUzZ+wR5klOXrwih/jDXRyhgwePwR498b1wTF6+OH1DDsXfcL"
    "pWRO/s9PWreM3BH8tWmbuP1x8+FIRW2wTLPdPlqyRYthbcvkl9Jyy4exZMJPsKzTd5uort"
    "FsYj6/n8lf8dY7XYg6fcxc7JIZzSakEUpJ6s9MpPdyBpTaPWNHpy8Xw2AnlmVWlEfhbojF"
    "TWpHG8yDV0rD3H8ZefP7y7a6LPr75wR6thtBrGZjUMEdf+wrAHq5JIXs3Ijlmua4jRvSA9"
    "/EmFQ94EvtSoxi+fYtMz5Z/VVAZrzKxHVBp8CQfwA5sFqm8QmL4sJHMktP25RwY5M31d93"
    "nw+vLB++RQNqom/X6OFf1+V8s57fc/f5FppkfH5JPwDctGbvYlrlhsOJNeaeGEFrcnI+cr"
    "4wqMQPANwN5x/UhAPPQD1kcFincJo9YYLuOxOVETQvT/QibqZnruJsm6Y396wC+TOsNYVA"
    "rxtKpjrKrJDueBABU1OoIP9Coe/+AhAS6uxEeFLKbD4aIssn1M+gPqIuCoh37wJFFYcTVw"
    "RmO4D56S/e+wG55LF9j1Du/NExi2rB5tAZ2aVw2verbr8JNptOkkP0ykLehfJ6SEmcKtT7"
    "5VPHdgT23TbJ+lAOLqzTWYH9OYzHjUzJwQNsnLaJMM6SPz4gZCapOp5S/esHCSLaSGWZYi"
    "MjqqkmgZUqOSGYpSVqLeyDDfobdSym6lvIaXS/IaXubzGrJKQg2JFJCaLBeTsklS6mG9VS"
    "pHavRipTReNWld8xVfRdqEMnW9akNh5QLZTZdFWSisUTWzQFqlP1rQTLdwd/BN2E45sxTT"
    "ljh2Yq5W8OokY6u6dKT/NV7LyHQWSteFysOIVkFmUWybFCkIygGCzZpQ8YfLHBUC/9Zyl8"
    "jfcqi7TnSPjmDDpfTe5Hw6yTR6kXvnXqzn8lOAmzx4qclKYCCWbAh9MpEYQor5hZGvp9yt"
    "kbpXI8dG+gqt36L1Wxi/nLZ+i+cpgGfktyjev0w2BJ6Psaw5MbqqbaRoT1nbYGtt6c3Z0r"
    "Hiaur30xrS5QLZL0M6XRgwo79X/0BzpCZ/oAaqFksqZ6RX8rRI6pfPKMBP7JhQqtbQyL2S"
    "ZhXSEIK4U2DTTqlHJB7RreAS4frgmrhaqeqprSsHgsXK6/Bnn32bOsGiJ5IdeP9IgWMVsX"
    "QdiCHsKbDtqm+HUJJfEOuRoSF/IJ+62WRMSfMiQsm4dMoZj0vNu2wo+n8L1Iqc4YMH+5rt"
    "hOQTQjyYZ9NAJn9wta87snK6HIWVRn0XuB2qAwodchi1GO+qAzCZFjts/Nrc3RlXyLMRSK"
    "oBVfK150WwPAUtR9xIDBsq84Ykl0VrXy1DYhUZZy0yeN+sA8ORwdcscKxxkZKkzixVjmgy"
    "5imdqFzOK96hn8v2/IMla8s3XiypW2gSlXv2NBKTPXpN4S8XF1VcdhcX5S47PJdrk1uHw2"
    "r4HnJ3LZAuBUjPc/gvd7efStxrCUl293SskPyHuA7fRU/LEuYiM1JbZMTTw4/Xf8uy++2H"
    "25vs3ocXuCnysWxyM/v+/7Hl+J4="
)
