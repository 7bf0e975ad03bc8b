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
    "completed_at" TIMESTAMP,
    "canceled_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_shop_order_merchan_353c8a" UNIQUE ("merchant_id", "external_id")
) /* An order reported by the merchant's shop, with the attribution decision and its reason. */;
CREATE INDEX IF NOT EXISTS "idx_shop_order_merchan_1bdc36" ON "shop_order" ("merchant_id", "occurred_at");
CREATE INDEX IF NOT EXISTS "idx_shop_order_merchan_a6c602" ON "shop_order" ("merchant_id", "partner_id", "occurred_at");
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
    "eJztXelz2zYW/1cw+hJnRnEd2U6y8e7O2Nl06+Zwxna33R5DQSQkcUURLAFZUdv87/seeI"
    "iXaJLRAcv8ZJPAI6HfA/FOPPzZmXKLOeLw3LPfsUXnNfmz49Ipg38yLV3SoZ63vI83JB04"
    "qiv1bGMSdhoI6VNTwu0hdQSDWxYTpm970uYudj4nU+abY+rKJ4Kcf7okQHlGuOssiC0Fuf"
    "nu/Fnv9AWxBRGS+8zqEjlm2AmbmTNULWM+d4HGZIf4Uoub8FbbHW3o+TPX/n3GDMlHDPr6"
    "8JZffoPbtmuxz0xEl97EGNrMsVIo2hY+QN035MJT9y7s0aUrv1V9cfQDw+TObOou+3sLOe"
    "ZuTGC7Eu+OmMt8Khm+QfozxNadOU7IhQjuYLDLLsEoEzQWG9KZgxxC6mAAy3sdw/h4dWvc"
    "vL01jE6OexFFAvDwlsld5DwMVSgARjiEZ3/r9Y6PX/aOjl+8Oj15+fL01dEr6KvGm296+S"
    "UYzBKt4FEKs8t/X368xQFxmF7BtMMbXxQNlTSgUsxIzOFwJhh12ZAhvJ8fEfplDIlu7D9H"
    "lhzwObTkoH8zpn4x8FH/DOLwQ9aD+HJR2gbkU/rZcJg7kmO4fP6iBM3/nF+/+e78+uD5i6"
    "dpSD+GLT3VlAYXFi1jTMW4DsBJmvWAvNt1JgXxi5MKEL84WQkxNqUh9nw2tD/XAXhJofMc"
    "hp/jC0lgkUNpzXwBYpATn5l85NqCEUpCgb77WQ7IMKcOB2KC7TGg09nOEnJ0VAXdo6PV8G"
    "JbGl/TZ4iGQWUe5H9Bi7SnrBjoNGUGbSskPYz+0WfyV0cffqB1BapjuKqVgH97+eHtze35"
    "h0/4uqkQvzsKv/Pbt9jSU3cXmbsH2c8gfgj58fL2O4KX5Oerj28VvFzIka/euOx3+3MHx0"
    "RnkhsunxvUSizA0d0ItbRgZnd80ojraco1cD0cri5MfyBMjjDJcRltkeEkoQ/jjQE1J3Pq"
    "W0auhff4qr75pmlvmr1DXTpSTEI0cZyh4fjGsc1Jp8CiDBq6ZQalGXe515y8chm5s4UtwY"
    "zz+Ww0BtElQDQw4tju5IwMOBh9eDlhniQHQ4eOYLhPyWAmicvumE+ohPkAl8zKG5Nrf/r9"
    "puQvWeNDvZ/74RU3zZnvB58fUOZ6p9prmaWrBWqhEaSRtthBC95nDl0YauaQYMB1pWuvV0"
    "G49norZSs2PWx7dLvCdScGKX63teFPELXQN4beo74EmGqjn6ZrGdCYAcIElOos/DGBzqas"
    "Nu6YtKCuinGaag+BPqlis56sNllPchar7dV2eyVI9hDi9fu9ZgIWXFDs3QLzcDXKaaq9c7"
    "+cPq+iIUKvlUCrtoyHnA0ZKOx+LS95gmbvUH5+1KsynbFbiZurl5vStjDAXCtQPTh3GHVX"
    "rBsxUQbnAVBtCuj4zna9GxdXV+9Tjo2Ly4xK8fGHDxdvAXqFO3Sy5QpNI2mF5gAvdy9lSP"
    "fQq9g6mNbjYJoJycEwvgA2BnDnXU2ZLt1Sp1PY2RgkeldIZ4joiJB0IcjclmOVUhCaLYQP"
    "8dL2SRByWTqECPctaJ+PbYdBF1sQhwopilIaNvKOAl9Uzp0UgwIiJ/AntVkPeph1rZdJO5"
    "YkYmrJz6aGYpel20NbpVcphtkriWH28jHM1rW04wk/4DO3ibaXpGtVPe1UvSSL2WfPhsc1"
    "YHKa8sFEjNUb4VHcx0hetYjSQ2e4Jrr9h1AT6RQo9XFbqTY/TfaqoMUPfOpaxJ+5LrCX0F"
    "iz9nw+8un0TCUP2xZmB6PiLZlLXXOh8oZB+cYJAv+gGk18Pi9S4df/gjYtWWvhuFpBV39r"
    "aIVR/1YbrKYNKgcSfDz1NO8ljc44dy5vrshJ7/lLYsKit1waTCrGhE5BnZLVJFWaD8cVuH"
    "C8kgfHWQ6gHP+D1ws2Jmm26NQ+Fzb95gZExWhM7e14uNcfrqGOw+fMMiw+hXeKPOzf31x9"
    "LIa9gDSrodmmJH8RxxYbs4c6fx/OXBNRJYOZ7UgYyCG+7581GdIZgw4kEilagkzpgngcGE"
    "Ek/2odDmFMqW8RUw4+nP+U5deb91cXWb0MH3CRYd6cDcacTwzBTJ/VirflKbVeum4kqECg"
    "G5Ifg3EDo9TAycF8DP8Zh4eHT5ssXhtJi458qDB2Yw5AgO5s0UXBp7VSaSp5wvY8DcdHm1"
    "Wles9PXp68On5xEmtQ8Z0yxSnvQUiipfT5Oh9CIfEWhQg61Y04a/UhJq+EQY+6czxL1mhi"
    "b8mcj4Mo4aCDh5B/gBI17JIj+Cc09bvkI1xEP2kHnwKKZAM3oxpBpJ8WfAylYesVT2hj2D"
    "Vi2O2+mNUTfr/2xWji9LrCUG2nwOMVNHTL3F1izD2Dx/3ud3i5YWTYZx73MVA8WCi/U2Lz"
    "PD6zu4w1J2QssZhpC/wHfVrouIIJIbhb4Pfa3HuqhK/ZZ8l8lzp4mY1el2+dKNhakQ4WNd"
    "9o0Tra2kj4owkMJr/AGgp9hkxns1Yvz+cO8w4028fZOpp3gfOaHcm4Crv1fAEJkj3E91UF"
    "fF+txPdVFl9VA6nm2pyk2b+FYiPOxDYfeo9zJlLf02wguQS9ZWq7vGBPR5nSmafVWe+E4U"
    "4x/OjYLiMjnwsRhh/rOc22rI5atjBxkE34k6fVmj/K7n7msDvmkGjoXSI8x5aEY2kC5JzW"
    "zGr8JT2szyj46smzmEs680RIKmcFEYIydSGi2GJAJnTBPtRozA7zmbcUjElsUQkH3Q3CMf"
    "Mxc4kb5oHo+hUkfJQNw5S6mycdf6Z2DFGpnLAWFkrluJFoUYc5adOwyu7Z49WbZ49ze2dV"
    "xLWm9ZKk2T/rZV01bHZcMEU3jB9DuQ7dMN+wiLWFoTZLLqNmNeLreWK9Q+uxg/eJWLFFtN"
    "qCvqXIO3clAzurbpGPLJ3W8lUyxwGTGQOjDl2Qoc+ncAU/YQgCqlEO7/rTSk0+9RzWMAki"
    "Q/tgtv08Sr+VSV2TOc0YnSZt+aw1n9ukpjapaetJTe9tl3VWJTapxm5ZcpNSUAwn6lepJq"
    "xyS/MhoWEC0hnpuyx03fZxkx1mEwVua4eJ4DLYNhDU0gjTliKXXHFp2E28pDCtKUAgMKjw"
    "pcDpthqHTlZbm4OkHUsS0dfE11Md/yRVewBMU+yj1SoHfZnvKKLYpzm/tt0BYjKr5RQKuu"
    "tsC+uUqWECGiPu10vpStDsYTnGDaD8+wwEmy0LUC5bkZNU+7Q0bHlJhl8vDc+3TdYktl5E"
    "3TKjMTOUddCEDxnClgVtTtBDZ0RsO9fjQYqshb8W/Jp4iT4FKSCdAh9R1NQt8xB5iU73uo"
    "du+JRxl5H5mAfeGJHdkRZUjlB7znDLGf4+ZuHuYNVRUCcgWZABsjHvG9rIGyqVawVo7t/o"
    "5jPTn9kysG6Ldrrlq762jqXWsdSumPlAtVUrQSPqr7Mx3mEurAywGFFJKJG242Delzlm5o"
    "TPGsWl15+7AVoXBs2NuoXUsnQ680GnfW4T+Gl1cI76bzPhNxRZ23GKrP9MGzDnZl4djGOC"
    "/Uv2Wj+6DyRrHdRW+45tya+39lU5pVbW0kiylBrnjEamhtLto3FbwdEKqPIfBBtuelULme"
    "1EbwkMDsNTtYGYa9YSooXE21zpw+y+B7fX9hFszu8kDiUBK5fP3eXRJfF8IQdYmOpZVJiq"
    "Ucm/jag5bErtWlvNYwKNWdJUjzytkk0KvVYDfJrLJ/XogrHaWnuaag+h3syJGAgaNeMNhf"
    "XQThC2gFerBdJmVraZldv0mV+z4cxNO2TTLd0yj7m/7FMpnzLoj8XGXZlMeURhfgeT0SFh"
    "IemnwUkGHu49x/RI1AYEwZzHfjAuzPfsF5xytrG3VHGcJ5O9yorGtb7w1heu/XLbJlk+is"
    "/hMRXZU4YlFgp9IiIhEQxaC90vKHzTJHchS9kuQM0XoLbGVruHrbW0WktrQ5bWqk1sidbu"
    "/RZXjW1st6EvVRlCkdRTFVmAwMFwg4o4BAYSPvY1weRcFJBy5rsYwgcCl8mwMFv4CGblba"
    "/Nvqo9qE5rEdqaVdqxJBmqU6tG/Yhqgqw1rL7OqFU70ppZtgnSlgtNubDfu4U6aUl6Ro5U"
    "HjB1Q1n6jIM+R5b+Wl259DiM4E6BkoPqkUoAiXQ7nVikiQ59g2nwoCRPilToZWOpBq1S6X"
    "FJnVRToM8JdpggOfqOQL1F2kDHjYtO4reGuq0qnnZG+t/43/yJebpf+sBfy/aZCR+n5KQv"
    "qQ/6qzHznX7R+c6bfNX9CvQ9h9XEleFMOvWoPXLbrP5W5W5V7mJBtsPiuy0D8M5ut1Xsdh"
    "HacI7uUrLUAThNpXOcqHlGUMWwUGlcKJ93vt0SrnqDvP7ZvMVSKFontG2oEkqoKtZZiRM0"
    "+lZC6Tx5UrvM/BYOHI83f2RUjtKDfmOiLRYgjgRie7RvG0FsI4hVvB8/ssGY88k1MxmwpF"
    "PgAsn06Jb5QeZBX8NPdK7gDMH0mTC1kjrI5gUBg9FymPV6WYeaD0k/er5tqSKW1BVztSM4"
    "PqJXnQBnAYmAuVfkDNnkq6qkcy4f22Zw6mTjtX4P7ViyZEHio6mh8qWp9tBs2UjG4IBbi9"
    "rnG6SI9hDp9R9gEOziNoodSiuXlAzVPi0pa6tCCgLZgzcUwPr9zdXHVUkJS5qs6mybkvxF"
    "HFs8RHBLkEM0UvpxNF0PPpz/lJ3Jb95fXWQVX3zARX6nPQOzr4kBkyFtLZjWgqlkwbxn1o"
    "j5n+D3BNjnDJh0h1L7xVFdDS/Rt1pNfzYKN4WBYeEv0JQQ9khlHwYB+TBNMdy8ehb3xIJr"
    "bCQIHlkrOfmD+XxFQf91vuFX91cXEyvDzmjfHPTDi36X9Jfxov7T1yo4HNWWCDsFVeOim3"
    "zu4gkCKoz8qxupvcu+yefhu5BWNTEfWxZdIrjaMBc9UB07Gmyaw9/07+urHz6Ri//CuPtU"
    "CCYxKu0xGg4j+pmqCR81oA6e/CKIywAfl5P/cdtdT7havUP9E25D/q2gSF2uU/oxigQmlS"
    "vQRwZrXGQLtsZfa/xpLb92k71Vv1LA19YI2FbGlkcXfCbFYSB2Ds+DYb+zK6fTpc3BSnUx"
    "SspiFFTF2PfDfkF0Yf4T1hFMCKQgOyoryCryZDcfSSRyKn8iEYHOH0hDa/24wndwvPow38"
    "e5h7ITqJOvCSi/NobuCGj/KulPLjVFnT+BjEZVi1F5Wp1ZpaHAztmChXzJM+Vb7jOYd+/Y"
    "QjHmEoZPiwu3pYy52/QzHxhbvkTTL7q7lHc+ncc2QMGshH8ABRZEj6/BaL++fAPw79LwTr"
    "JipfGd4de9BnhmzlQzwkOzz4osZDwRfgr24wLFu8cRfbi+gw4HfawD23/aJXZoNaM07BKT"
    "zgQ0DxakH9eEK0ip3uTL0DQ/j+KQy1gjgEr6tsWmHpfQcWFM2KIwLolF2/lcbXqc+7ZEI5"
    "jDXXd0BsZz8hjiPik+59eyh2owMvhl0DoTQK6GAS+tHOjMDLZK7feoamNrDLfGsPaL+G6U"
    "HP3rXX+9GZwQFvqYwvtpYHUub67ISe/5S4IhRWUHf7q9CTy+SoY1AX/N5lfDUsA7KQHcgA"
    "Mmn05tIeCK2FYX9AppjoPje23r8DCnfOwsCTQrz2swo4BUZ5bolI2R1NjqQJ6l20O815+T"
    "MWXTguNgV4Mc9dc3n7whtKeVpvJpyVQ+bcvQtokBFRIDErGGIOZecBTGRUj57btr5tDIJ1"
    "DmHkrE+h/YTFjlGvqySUfOJ6V/3zJ/Gsyz3Dl3y+Zu+Vl32NGQcc8Kqd+Jk+cCcgJqs5oI"
    "Zxi5R1/GlIE9oPwPIdyCHEATOjzG3LGg79OiTO81PrktE6W1efxQPBaPhiGJzO3lp1RHs8"
    "qQbVHBijfe1Sm8gt7ZoD7dzGHo5o08GonfcXj9w/u3N03MufUfOjXzrIaqWJqyVcV0UcUi"
    "jBK6WKw2aJCjec582xwXKRdhS6leQZd97tMoVvN5zTL8sQjwr0zLXy2a75gvCkPCq6VCgm"
    "QP/Rm909Mq/qPT05JzjU5zbmuv1tGNYfc9RHczhQgCL1se4dU7TRIk7UaTmhtNdirMvvwf"
    "ZFHL7Q=="
)
