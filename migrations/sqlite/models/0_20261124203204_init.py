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
    "eJztXVtz2zYW/isYvcSZUVxHvsSb7O6Mnc1u3SZ2JvZuO+3s0BAJSRhRAEuAVrRt/vsegB"
    "fxJppkdaFlPNkkcAjoOyBw7vy9N+MOccXhhUd/JIveW/R7j+EZgX9yLX3Uw563vK9uSDx0"
    "dVfsUWsadRoK6WNbwu0RdgWBWw4Rtk89STlTnS/QjPj2BDP5QqCLz1cIKN8hztwFolKg2+"
    "8vXg1OzxAVSEjuE6eP5ISoTqqZuCPdMuFzBjQ2OVSDOtyGUSkbb+j5AaO/BcSSfEygrw+j"
    "/PpfuE2ZQ74SEV96U2tEietkUKSOeoC+b8mFp+9d0vEVk//UfdXsh5bN3WDGlv29hZxwlh"
    "BQJtXdMWHEx5KoEaQfKGxZ4LoRF2K4w8kuu4SzTNE4ZIQDV3FIUYcTWN7rWdb1zZ11++HO"
    "snoF7sUUKcCjWzZnivMwVaEBGKspvPrLYHB8/GZwdHx2fnry5s3p+dE59NXzLTa9+RZOZo"
    "lW+CiN2dW/rq7v1IQ4LK9w2akb3zQNljik0sxIreFoJVhN2ZAjfJwfMfpVDIlv7D9Hlhzw"
    "ObQUoH8/wX458HH/HOLwQ9aD+HJT2gbkM/zVcgkbywlcvj6rQPM/F1/ef3/x5eD12csspN"
    "dRy0A3ZcGFTcuaYDFpAnCaZj0g73afyUB8dlID4rOTlRCrpizEnk9G9GsTgJcUXV7D8HN8"
    "IRFscuq0Jr6AY5Ajn9h8zKggCKPoQN/9KgdkiNuEAwnB9hjQ621nCzk6qoPu0dFqeFVbFl"
    "/bJwoNC8siyP+AFklnpBzoLGUObSciPYz/6c7ir48+/EDnBkTHaFerAP/u6tOH27uLT5/V"
    "cDMhfnM1fhd3H1TLQN9d5O4e5F+D5CHop6u775G6RL/cXH/Q8HIhx74ecdnv7peemhMOJL"
    "cYn1vYSW3A8d0YtezBTB74tBXXs5Rr4Ho03a4w/YkwOcakwGWli4ymKXlY3RhiezrHvmMV"
    "WviAr+pbbJoNZvk7mOGxZpJCU80zUhzfu9Se9ko0yrChX6VQ2kmXR9XJG0bQAxVUghrn82"
    "A8gaNLwNFAkEvZ9B0aclD61OWUeBIdjFw8hum+RMNAIkYeiI+whPUAl8QpKpNrf/rjquSv"
    "eeVDj8/96IrbduD74esHlIXemfZGaunqA7VUCeqQtNhTGrxPXLyw9MpB4YSbnq6DQY3DdT"
    "BYebaqpqetj273cN2JQqre28bwp4gM9K2h97AvAabG6GfpDANaM0DYgFKTjT8h6LIq2xlz"
    "TPagrotxlmoPgT6po7OerFZZTwoaK/Uam71SJHsI8frtXoGADRcEe1aiHq5GOUu1d+aX09"
    "d1JETotRJo3ZazkJMRAYHdb2QlT9HsHcqvjwZ1lrPqVmHmGhSWNBUWqGslogfnLsFsxb6R"
    "EOVwHgLVpoBO7mzXunF5c/MxY9i4vMqJFNf//nT5AaDXuEMnKldIGmkttAB4tXkpR7qHVk"
    "VjYFqPgSkQkoNifAlsDOEumppyXfqVRqeoszVM9a4RzhDTISHxQqA5lRMdUhCpLYiP1CX1"
    "UehyWRqEEPcdaJ9PqEugCxXIxUKKspCGjYxRYosqmJMSUODICe1JJuqhG2qdsTJ1jiUpn1"
    "r6tWkg2OXp9lBXGdTyYQ4qfJiDog/TmJZ2vOCHPGBtpL00nRH1OifqpVlMvnoUHteCyVnK"
    "J+Mx1iPCo7ivPHn1PEpPneEdke0/RZJIr0SoT9oqpflZulcNKX7oY+YgP2AM2ItwIll7Ph"
    "/7ePZOBw9TR0UHK8FbEoaZvdBxwyB8qwUC/ygxGvl8XibCr38AE5bc6cNxtYCu/zaQCuP+"
    "RhqsJw1qAxK8PM0k7yVNl3HuXd3eoJPB6zfIhk1vuTXYWEwQnoE4JeudVFk+HNfgwvFKHh"
    "znOaDO8f/xZs7GNM0WjdoXguLvbuGoGE8w3Y6Fe/3uGuy6fE4cy+EzGFMUYf/h9ua6HPYS"
    "0ryERm2J/kAuFRvTh3p/HQXMVqiiYUBdCRM5VOP9vSFDehOQgUQqREugGV4gjwMjkOR/Wo"
    "ZTMGbEt5gpB58ufs7z6/3Hm8u8XKYecJlj3pwMJ5xPLUFsnzTytxUpO7113UoQgUA2RD+F"
    "8wZG6Ymjg/kE/rMODw9fttm8NhIWHdtQYe7WHIAA2dnBi5JXa6XQVPGE7Vkajo82K0oNXp"
    "+8OTk/PjtJJKjkTpXgVLQgpNHS8nyTF6GUeIuHiDKqW0nU6lMMXomcHk3XeJ6s1cLekjqf"
    "OFGiSYcPQX8DIWrUR0fwT6Tq99E1XMQ/aQevgjqSLZWMaoWeflzyMlS6rVc8wfiwG/iwTV"
    "7M6gW/X3kxHTF63ShXba/E4hU29KvMXWLCPYsn/R43eLHIM+wTj/vKUTxcaLtTKnlePbO/"
    "9DWnzljkEJsK9Y+yaSnDFSwIwVmJ3Wtz49RxX5OvkvgMu+oy772uTp0oSa3IOovaJ1oYQ5"
    "vxhD8bx2D6DWwg0OfIuqzWdsvyucO4g47lcRpD8y5wXrMhWe3CrJktIEWyh/ie18D3fCW+"
    "53l8dQ2khntzmmb/NoqNGBNNPPQex0xk3qdgKLkEuWVGGS/J6agSOou0XZY7Yboz5X50KS"
    "No7HMhIvdjM6PZlsVRhwpbTbINf4q0neaP1rtfueSBuCieeh8Jz6UScVWaQHGu08xq/SY9"
    "rdcofOvRq4RLXeaJkFgGJR6CKnEhptiiQyYywT5Vb8wO45m35IxJpahEk+6H7pj5hDDEoj"
    "iQrr4FKRtlSzdl19WTnh/ojCEstRHWUYVSuUokWjRhTlY1rJM9e7w6efa4kDurPa4NtZc0"
    "zf5pL+uqYbPjgildw/g5lOvoGuYbPmKpsHSy5NJr1sC/XiTutms9MfC+ECtSROtt6FvyvH"
    "MmCehZTYt85Ok6fb5K4rqgMivHqIsXaOTzGVzBTxjBAdUqhnf9YaU2n3kuaRkEkaN9Mmk/"
    "z9JuZWNmE7cdo7Okhs+d5rMJajJBTVsPavpIGemtCmzSjf2q4CYtoFhu3K9WTVhtluYjhK"
    "MApHfonpHIdHuvkuxUNFFotnaJCC/DtIGwlkYUthSb5MpLw25ikNKwphCBUKFSgwKnTTWO"
    "LmltJgapcyxJeV9Tb099/NNU5gMwbbGPd6sC9FW2o5hin9b82rIDxDRoZBQKu3dZF+5SpI"
    "YNaIy53yykK0Wzh+UYN4DybwEcbFSWoFy1I6ep9mlr2PKWDL9eWp5PbdLGt15GbZjRmhla"
    "O2jDhxyhYYGJCXrqjEh052Y8yJAZ+BvB3xEr0ecwBKRXYiOKm/pVFiIv1elR89AtnxHOCJ"
    "pPeGiNEfmMtLByhM45Uyln6vcRR2UH644CuyHJAg0VG4u2oY2MUKtcK0DzeKKbT2w/oDLU"
    "bssy3YpVX41hyRiWzI5ZdFQ7jQI04v5dVsZ7hMHOAJsRlggjSV1XxX3ZE2JPedDKL73+2A"
    "2QupTT3GpaSC1P12U+dCnPbQo/rQnOcf9tBvxGR9Z2jCLr/6YNqHOB1wTjhGD/gr3Wj+4T"
    "iVoHsZU+kC3Z9da+K2fEykYSSZ6ywzGjsaqhZft43k74aQUl8h+ECTeDuoXMdiK3hAqH5e"
    "naQITZjQ7RUuJt7vRRdN+Ty7V9Bsn5vdRHSUDL5XO2/HRJsl7QgSpM9SouTNWq5N9GxBwy"
    "w7RRqnlC0GGWtJUjT+tEk0Kv1QCfFuJJPbwgpLHUnqXaQ6g380UMBRq2k4TCZminCA3g9W"
    "qBmMhKE1m5TZv5FzIKWNYgm23pV1nM/WWfWvGUYX9VbJzJdMijOswfYDG6KCok/TL8koGn"
    "cs9VeKSSBgRSMY/34bxUvOd9yVfONjZKHcN5OtirqmicsYUbW3jnt1sTZPksXofnVGRPK5"
    "aqUOgLER8S4aQ7IfuFhW/axC7kKc0G1H4DMjW2TA6b0bSMprUhTWtVEluqtf+4xtUgje0u"
    "sqVqRSg+9XRFFiBwlbtBexxCBUk99i1SwbnqgJSBz5QLHwgYkVFhtugRxCnqXpsdynyort"
    "NHqFGrOseStKtO7xrNPaopMqNY/TmlVmektdNsU6SGC225sN/ZQr3sSfoOHek4YMyis/QV"
    "B3kOLe21XeXS81CCeyVCjhKPdABILNt1iUUdkaFvVRg8CMnTMhF62VgpQetQerWlTusJ0B"
    "dIdZgqcmU7AvFW0YYyblJ0Ur1rSrbVxdPeofvv/O9+V3G63+6Bvw71iQ0vp+ToXmIf5Fcr"
    "8N37su87b3KoxwXoRz5Wk1SGs/HMw3TMTFS/EbmNyF1+kO2w+K5hgLqz27SK3W5CG47RXZ"
    "4sTQDOUnXZT9Q+IqimW6jSL1SMO99uCddug7z+1bzFUiidDmjbUCWUSFRsshOnaLpbCaX3"
    "4kXjMvNb+OB4kvyREzkqP/SbEG2xAHF8IJpP+xoPovEg1rF+/ESGE86nX4hNgCW9EhNIrk"
    "e/yg4yD/tafqpzDWOICp+JQiuxq9i8QKAwOi5x3i7rUPMRuo+fTx1dxBIzMdcZwcknevUX"
    "4BwgEbD2yowhmxyqTjjn8rEmgrNLOp6xe3SOJUsWpF6aBiJflmoP1ZaNRAwOubNo/H2DDN"
    "EeIr3+DxiEWdxWuUFp5ZaSo9qnLWVtVUjhQPZghBJYf7i9uV4VlLCkyYvO1JboD+RS8RTB"
    "rUBOoZGRj+PlevDp4uf8Sn7/8eYyL/iqB1wWM+0JqH1tFJgcqdFgjAZTS4O5ID61J70SzS"
    "VqqdRY8LLPY4rKaj6vOYzwuQj2f3LLXy2yPxBfNPwAYopkD+WXwelprZz504qc+dOCWdBr"
    "VBYo6r6H6G7GyB1+MqyJFJMiMUJMQyFmp4fZt/8D3qZngA=="
)
