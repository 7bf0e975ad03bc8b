from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "fraud_signal" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "order_id" BIGINT NOT NULL,
    "partner_id" BIGINT,
    "signal" VARCHAR(32) NOT NULL,
    "action" VARCHAR(8) NOT NULL,
    "detail" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_fraud_signa_merchan_ba0ad2" UNIQUE ("merchant_id", "order_id", "signal")
);
CREATE INDEX IF NOT EXISTS "idx_fraud_signa_merchan_fe6e0d" ON "fraud_signal" ("merchant_id", "partner_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_fraud_signa_merchan_aa0586" ON "fraud_signal" ("merchant_id", "created_at");
COMMENT ON COLUMN "fraud_signal"."order_id" IS 'referral order id';
COMMENT ON COLUMN "fraud_signal"."partner_id" IS 'the attributed (or self-referring) partner';
COMMENT ON COLUMN "fraud_signal"."action" IS 'flag or hold, as set when raised';
COMMENT ON COLUMN "fraud_signal"."detail" IS 'the facts and threshold that raised it, for people';
COMMENT ON TABLE "fraud_signal" IS 'A fraud signal an order raised (see `referral.fraud.Signal`), shown to the merchant.';
        ALTER TABLE "merchant" ADD "fraud_signals" JSONB;
        ALTER TABLE "commission" ADD "review" VARCHAR(8);
        ALTER TABLE "commission" ADD "reviewed_by_key_id" BIGINT;
        ALTER TABLE "commission" ADD "reviewed_at" TIMESTAMPTZ;
        COMMENT ON COLUMN merchant."fraud_signals" IS 'per fraud signal: off, flag or hold and its thresholds (referral.fraud); null: defaults';
COMMENT ON COLUMN commission."review" IS 'null: no review asked; held: a fraud signal holds it for the merchant (never released nor paid while held); approved: the merchant let it continue (see ReviewState)';
COMMENT ON COLUMN commission."reviewed_by_key_id" IS 'API key that approved it';
COMMENT ON COLUMN commission."reviewed_at" IS 'when the merchant approved it';
        CREATE INDEX IF NOT EXISTS "idx_click_merchan_eddd2f" ON "click" ("merchant_id", "ip_hash", "occurred_at");
        CREATE INDEX IF NOT EXISTS "idx_shop_order_merchan_6f5cde" ON "shop_order" ("merchant_id", "click_id");
        CREATE INDEX IF NOT EXISTS "idx_commission_merchan_ca2066" ON "commission" ("merchant_id", "review");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_commission_merchan_ca2066";
        DROP INDEX IF EXISTS "idx_shop_order_merchan_6f5cde";
        DROP INDEX IF EXISTS "idx_click_merchan_eddd2f";
        ALTER TABLE "merchant" DROP COLUMN "fraud_signals";
        ALTER TABLE "commission" DROP COLUMN "review";
        ALTER TABLE "commission" DROP COLUMN "reviewed_by_key_id";
        ALTER TABLE "commission" DROP COLUMN "reviewed_at";
        DROP TABLE IF EXISTS "fraud_signal";"""


MODELS_STATE = (
    "eJztfWtz2ziW9l9B6YvtemVPolzX3n2rnGz3TmaSOBW7p2d3vCVBJGRxTBEagoqi6en/vu"
    "cAIAneZJKRZEjml+6YxCGhcwjgOfffejPuMl+cXc69P7NV75z81gvojME/cnf6pEfn8/Q6"
    "Xojo2JdD6dwb3utBYxGF1Ing8oT6gsEllwkn9OaRxwMcfElmLHSmNIiOBLn88oEA5QXhgb"
    "8iXiTI9R8vTwevXhNPEBHxkLl9Ek0ZDsLbzJ/IO1O+DIDGYWf4Upc78FYvuNvS8xeB948F"
    "G0b8jsHYEN7yt/+Fy17gsu9MxH/O74cTj/luhoueiw+Q14fRai6vvfPuPgTRz3Iszn48dL"
    "i/mAXp+PkqmvIgIfCCCK/esYCFNGL4hihcIG+Dhe9rKcTsVpNNh6hZGjQum9CFjxJCajWB"
    "9FpvOPx8dTO8/ulmOOwVpBdTGAzXlxweoORhqkIy4A6ncPpvg8GLF28Gz168fvvq5Zs3r9"
    "4+ewtj5XyLt978riaTcks9SvLsw399+HyDE+LweanPDi/8LmloRBWVFIbxDesvYdhUDDnC"
    "h+URc3+dQOILhy+RVAIhhzsF1r+f0rCc8fH4HMfhh2yG4+mmtAuWz+j3oc+Cu2gKfz5/vY"
    "abf7n8+v6Pl1+Pn78+ybL0s74zkLeyzIVNazilYtqEwSbNZpj8uPtMhsWvX9Zg8euXlSzG"
    "W1kWz0M28b43YXBKYfM3DD8nFBGBTQ5PaxYKOAY5CZnD7wJPMEKJPtAf/ysHzjC/iQQSgt"
    "0JoNfbzRby7Fkd7j57Vs1evJflrxMy5MaQRkUm/yfcibwZK2d0ljLHbVeTnsX/sOfjr899"
    "+IHuFUBHvautYf7Nh08/Xd9cfvqCr5sJ8Q9f8u/y5ie8M5BXV7mrx/llkDyE/Prh5o8E/y"
    "T/c/X5J8leLqK7UL4xHXfzPz2cE11EfBjw5ZC6xgYcX425lj2Y2Td+30rqWcoNSF1P1xah"
    "74mQY54UpIy6yOTewMN4YUyd+yUN3WHhDh/wqrHFW7PBLH+FBvROCgm5ifPUiuN733Puey"
    "UapbrRX6dQOsmQB9XJq4CRb57wIlDjQr64m8LRJeBoYMT3gvsLMuag9OGf92wekeOJT+9g"
    "uidkvIhIwL6xkNAIvgf4k7lFZXLjT39YlfxbXvmQ7+eh/os7ziIM1fIDysLoh+578wT+ZY"
    "Y20mCrz95SfckiYNlDZT9kPl0N5UdG1ISbHsSDQY1zeDCoPIbx1n6rrrs9hx9Fd8Ul3pj9"
    "BlHH+tasn9MwAjY15n6WrhNAawEIB7jUZONPCGzWeq2x3GTP9Lo8zlIdIKNf1lFvX1Zrty"
    "8Lyq0Bd2pDmPmGDWRWsXjzJrKFgA0XdICgRJOs5nKW6uAsNa+e10GIMKqS0fJezpjOJgwA"
    "e9jIoG7QHByXnz8b1Pmccdgai9ig8El7YgiaXQn04NxnNKjYNxKiHJ/HQLUtRidXdmsIeX"
    "d19TFjA3n3IQcpPv/y6d1PwHrJdxjkRRVIw9RCCwxfb4nKkR6gAbKzRW3GFrUQEQfF+B2I"
    "UbG7aJXKDemvtU/pwcOxMbpG5ENMR0REV4IsvWgqow+02kL4BP/0QqK8M6ntiPDQhfvLqe"
    "czGOIJ4lMRibLoh628o8RsVbAsJUyBI0fZk7oACTvUus7KZJ1IDPebuWwaALs83QHqKoNa"
    "7s7BGnfnoOju7ExLj/zBj/kiaIP2TLoO6lkH9UwRs+9zDx7XQshZyr1xLss3wqN4iE6/eh"
    "6lfRe4Jdj+k0YivRJQn9xbi+Zn5qgaKH4c0sAl4SIIQLyEJsh6HvK7kM4uZJyx52IgMQLv"
    "iAU0cFYyxBjAN34g8A+E0STkyzIIv/kXdBHMVh+O1QBd/r8BKozHd2iwHhqUBiRYPM2Qd0"
    "pjM597H66vyMvB8zfEgU0v3RocKqaEzgBORfVOqqwcXtSQwotKGbzISwDP8X/yZs5Gk2aH"
    "Ru1L4dE/XMNRcTel3m4s3Jt311Df50vmDl0+g3eKItv/dH31uZztJaR5hOY5EfkX8T2xNX"
    "2o9++TReAgV8l44fkRTOQM3/f/GwqkNwUMJIxoLkFmdEXmHARBIv7DGA7ZmIFvsVCOP13+"
    "NS+v9x+v3uVxGT7gXU54Szaecn4/FMwJWSN/W5HS6q3rOgIIBNiQ/KrmDYKSEyfHyyn8a3"
    "h2dnbSZvPaSgR1bEOFuQ+XwAjAzi5dlSytStC05gm7szS8eLZdKDV4/vLNy7cvXr9MEFRy"
    "ZR1wKloQTG5JPN9kIZQS7/AQQaP6MAlw3cfgFe30aPqN58lafdg7UucTJ4qetHoI+Q8AUZ"
    "M+eQb/0Kp+n3yGP+Kf9AhLAY/kIeatDpWnn5YshrVu64ondD7sBj7s+HBdhI22ohxZq01o"
    "RwtiOWUAk75i4DT5cnV9I6QNQnh3AXNRrQB2XxBlBAsAmCcx8W3OaFDTamp6a1W9wjE9Ce"
    "nCHeKcqd8I9xYIfwj17khic9i95MSJmvi52rswRYHwkEy57xI0M6EcoylgTrwiyHG8CZxJ"
    "4pNYqvq9Nbe5XePiLoetem0dVg6bJVbnK4yV6JWYnNWN/jp7M6y0+ZAn4x62OAc6NCNkcx"
    "5ipMZ4JQ2/RqELfGY/DfYwQC6sXMcT+I94tcMHIXhQYnje3nvqxI+w7xELYaPCP/PhI43T"
    "nLLe2odGZ0NXygYgXk8m1tnJrbOTd4Esj+7XN9dvAxCcI7PZKmWX4+IRw4Ysy9ju/ESPwe"
    "cN+4FwFw6amfIMkgPk79sa/H1byd+3ef7KamcN92aT5vA2iq34Arp0hgMOecqsp8U44hHg"
    "lpkX8JKUrHWgs0hrM+6E6c4wesD3AkbuQi6Ejh5oZvPeMRx1PeHgJNvIp0hrtXyk1n7qs2"
    "/MJ/HU+0TMfS8iHIuQoOSsFlbrlbRfy0itenKaSMlmmYiIRosSO/k6uBBT7NCfqg24vd1A"
    "ho07Ux8xHWFHjggjw0xPuq+8qcspC6S3yOZVYFg4myyFHJnN6kkvXMiEPxpJE66LJZE55g"
    "GumggnqxrWSX5/UZ37/qKQ+p4YYBvIwKQ5PO1lUyWoHrnekW08fgrVdmzj+ZaPWE8MZa5z"
    "6nNrEB5TJLY7MiYx8B6Jigzvehv6bgJn4KURAz2raY2ePJ3V52vEfB9UZnSrYvjMJOQz+A"
    "t+wgQOqFYRMpuPCn+0glQ7AqHorNazxcwp/BNd2USwdkkQW6g0rgE95mo0kUGeznYpyFwU"
    "4DqTvTeoIDjTVkU4t4Ay+Wzus5aBRDnavcldfZLWW4cGDvPbCTpL2snZajl3gYFdYODOAw"
    "M/egHrVQUHypv9dQGCEqYP/XhcrRro0jnDJ4TqIL4LMgqYdmCMMFMcI/KU88ZnQodvy9w3"
    "VRBKh/7FhunyUujbeElpaKDigIKV+FKQdFdSyibbRReJZ51IjBgEY/XU579J1TU8a8v7eL"
    "cqsH6dBTWmOKRvfmMpbuJ+0cg0qobbbBGyKV7JAW7c8bBZYKNBc4A1hbfA5X8s4GDzohIu"
    "r9uRTapD2hp2vCXDr4+G89BzWJsIkzLqThithSG1gzZyyBF2Iugi4/ZdEInu3EwGGbKO/Y"
    "3Yb4mV6Ity2vRKbETxrf46C9HcGPSgeeiazxjm5C+nXFljRD6rU5U/knmbmLaJv4+5WOJC"
    "Ocqor0hWZIxiLNqGtvKGWjXH0en1YLJoyJxw4UVKu304/7MzLHWGpW7HLA/XaOab/iGf9K"
    "7CM7QvmtCIUBJ5vo/Rj86UOfd80So2YPMRTIC6MHRk2LQaaJ7OZjm0DYPcRrbnPfy0JnyO"
    "x+8y7F0fWbsximy+MRuoc4t5Ex4nBBYHuFjD3T3J3QDY6n1jO7LrbXxXzsDKRogkT2lx5H"
    "SsakhsH8/bVf2BEPIfq7SzQd1qnI+CW5TCMZzL2lYscBodoqXEu9zpdYzr3mWcP4ESFT2j"
    "sxZouXwZpP23ku+FHGN1xdO4sFqrurVbgTlsRr1GBRcSAotF0hZHvqoT0Qujqhn8qiSmd8"
    "VYY9SepTpAVm+nrRMyjTpJWm0zbhuEHcPrVcTpIiu7yMpd2sy/sskiyBpks3f66yzmYTqm"
    "VjylGq9K25ohj3iYf4OP0Se6G8KJasczxwoMGB6JaEDI+rcjNS+M9xyVtOrc2lvqGM7NYK"
    "91hRc7W3hnC7d+u+2CLJ/EcnhKpSZ7cYbikYgPCa9VktxWsJ8q/9QmdiFP2W1AP+CM63Kn"
    "WyyIzWfudiX/umTCTuXtVN5tqbxV2YTG3f7Dqm+DfMIbbdSWGmkMP2SBKCDw0e8jXT9KU8"
    "XHnhOMkkakEi1C7AiDgV4Bi3SdSP0I5haV4O2+qmt7azWW6fRb60Ri+kzlrtHctW2QdRru"
    "j1kXZGpgOxODQdpJoa0UDjttq5c9SS/IMxmQTQN9lp5ywHMkNZzbKqWnYY3olYAchEcyEi"
    "fGdjaJyBIMfY35CACS78sgdHpzLYKWOQ24pd7XA9CXBAfcIzka8QDeIq3CuEkNXFxriG1l"
    "LccLMvpD+IffMGD69xHI1/VC5mBnPk5GEQ0Bv2KXyFFJ066tvuphAP1A562kUKVDZ3Pq3Q"
    "VdekUHuTvIXX6QPWIt8E4AvfPHzm953E1oy8HS6cnShMFZKps9Fe1Ds7bS63jHFaXtZvLm"
    "v+Yd1qSxOrJwSyVpNFRsshMbNPaWpOkdHTXuerF9fqdZODnIsa4uekq0w3ro8YG4Wz/lJu"
    "uddx7EzoO4U+sH7Ikfght+z4Jemf3DuN1fawGBgUMPvrhkaA0jCGxyp/g1EqQ+9QJlmjiW"
    "RsbYOEHkHyKikwnRQfgnF0RaHjEESr7vSJDrP16eDl69xuoR92xeUp50q2+7DW6Dv1Dfcw"
    "kQeD4Zse9zD74PWI2jvvRA8sBh52S0EHKJylqogkXYQF1Gq7gecoX65Jcv+EH2ieAkWvLb"
    "AO6pNrERAVpBHBoEHOh4NCVi4TistidznSGms7l0Nhf7D4BH6jwIS75xDF2W6uDU/+11tz"
    "jYNneWf+byyIuz3BpLoYy6k0X76PUYPDRVArKUB6gE7AnorxUtqrFgUxkbZHvTWkS+EQi5"
    "RLEuWbGaodmHJO9Ot6/eZzvdfhu6PZ7KlzpxvUy5N+/312r35vleV7ufs1BgeO4kU+tR1Y"
    "AEDVwQUMEjrvRfwX1Glh4otTQgsoqE1JpRLxdiyUOXHNPwjgcDgpj6pEy93/br6mTNqvoX"
    "XY6sRbCqU66tE8mjFZjZVSQeZuSHpw4VGDSpXiZ3G9yBjL2pjYNnS2Vo1K7X2MxRILRaLG"
    "pL99y+2vplvQQaAg8iODpaCWMbubMhnE1NZBCPt5n11vjlD9mV2ZMPOY9dBAh6APNcED5n"
    "ARFMCBgmCKsbq905PB97LXRK0RaUol/ZeMr5/VfmMBBJr0Qtyo1Yqxgt1dhhaAyuoRrJ1t"
    "KqqA/1UcwrUDQC12fueZrLDprMKH6+50qXIQ3EUtailgeYLAERcfwbRAPfXplatM1X1VGJ"
    "0sd2epFNILzTi6wTSSoCY9E0QIJZqgPEg1vB22PurhorPhmiA+T05h28qn74sDyCfp1j0a"
    "Q6pC1lY/0v4UCewxtK2Pqn66vPFUqjQZOHzp4TkX8R3xP7yNw1nENuZPBx/Lkef7r8a/5L"
    "fv/x6l0e+OID3hVrvDNQDtsoMDnSToPpNJhaGsx7Ppt5UpvvlWgvxt21mouTHfeg0vIr1l"
    "zhQVLNnDAaBoIc85DcwVcsCP64k2I9lj6RuaUOQweNul5UUzb5cIzFvAQt5RsLBfWlKkNC"
    "vkQdBy1+WIJdeX5IwO4oWnZ01nSfjGKqIZ+MpEdolJSrGGG85vltMPVQD1rJ587nLHBlFn"
    "xfaUiLWVKk1bvzMJ5TdjSTSfTqyQIJl/hzjcrw5J6xuYCZj6iAt0j9C2+ryE9nRfD8k0m6"
    "WOsff/No9OXmejSS1+Yc19sZ+UJXM1TzNPGcrvgC3uzyGSzIIwFzR/+W55JU9BjpuhJkRL"
    "9RT24iOlp1pIiHYxo5U/nj8StTz5XXVAkex6ewMeEPrK0OGhxWf8bVQB5s0pZUxvzfkgZt"
    "2TAws2pa2ei0l0nyw5Oh6+4VXpphUm4eZRTw6z227MJtO813Dw7vLsX5KQrA3rLFG/EBxk"
    "1WNIioXTP3aRZ52mF0INF5OCw8VaJRbZVsFo/kbsAbmDMMCpvlgTAPp3okgHo2xnWiIhek"
    "ZC7kI1PE3UhEG7N6yLZiRdZfz6jvV/M/JrJ6j3p+LplNI+DoeIHd1JJCPQN5ywuTTmvNuP"
    "9i8OZ1wnj8Yx3Prz9dfvxYZLz9vS9bsDzWq5QuVZOn2+yNJhXBJmxOCOzmc6lG2yegzRq6"
    "bBv+v6jB/xeV/H9RXsG+2Zmb0li9vchqdrpKbsLyi9Qaog7iWFG3+QAeU8HalPXL0lktLK"
    "OoH54JChSRJRVoxZnLw4EH5Dgu+NdPxGh3v82Fz4awXw3xG9MmyJoQqozUZgk+nlsIGdXM"
    "gWyQ2HyKWOPTzBkz629AOULbdQHDYJweDIZl3uqt5rHKVO9IPolBw6yN71CZZrcfp/ie9C"
    "JHXw8ybyd71eYjn59iE5qerKWVGC6kP1GhKFwqJ2QqPXjsxwOibfJe18pFzfi2Gn4Oedr9"
    "yUJGyOwz/Iv8PzLlvqtNWapoj777FD8H9n3u04BGpVC8OoooR7YPgUS9KV8q65pSqkxNSt"
    "XBnjM+92sW39t9tNHfmYNJDyGjokxWa7B9kfTwyk2+qhUg+mpNgOirkoSsmHPj1fCerVpA"
    "yTJ6mzHl5ZcPBGaqsGQ8feLVTVh8JJyvudwmEC9Dujfn2SaCIvfuqOoSxqoX3mGFW2bDQg"
    "qhVk1iQ4pxWhbvvmq65XF22Pc9InAJNJeQf6PwbBAGxbwsTxW+kN3fJ4DQhd0WYBUJ1wjA"
    "xBQW45ak0BFR0yVU3GMRgCn8Isy3m4R04crUXOpLDUSgUCdaL02KlhwHaLeBZ4Bs0ZCDDh"
    "sZurmcej6TTzu50N8AJvJliEGHwYdiG18vWDD8ZBj5KqdzHQGD6n4X23RvKu60PK0zpHtz"
    "WqfGiERSsQBrQ6s92dFrHeSJHFvD6jJ6mzf2DKxuLPsn15grzWS4YeFMTbwy2UEN6dfLeB"
    "hGyegaydrxcj0Smch5FsH2eidgV5/A404F9ZmQW3qfhHwhbcV97Vwn+O2VJWdv6tEq5yGt"
    "eeXBIgAIoRIfZN1o3Hf0hyrImPl8eaFMoTAAMxJCL4pYoPrFAX7wQgEnCDzsjnWNcu0P39"
    "2XkPYnI5BUALhshy5dlTi4KnmfodldcMObhueZuTst4cGwlchLJLWzNzraNhf6oDfJRuqF"
    "QbNDr+KU+pPhYt7QqxiT9Yn8B5b3wFAukEBdjm/Z26gOp+GchUMMNGsiiBLSHcrjeVNJ6G"
    "M47qA5o3/XwXXkmMKJ63gz0PSUNFopXoN6JQ/WVDyokE2bRVJCukPZJJ93A/EgDS6NAI0k"
    "olXJvQ2rvou529KAmaXsDJgWq7ty9pboUT+jzelampx6JTqUeXut/iRtV0ORjqyhO2XsXT"
    "IvWqb2UA+tWtIwNYoDmM7k2DM1k9FJHytXLWXJXtNmUqZFbf4lqE99ZQ4+yE0TXVSN4JKs"
    "DLyuHgT6E6PONK5CLMkyyp24wDRswfzJaRK5BY9ks3mk7ALokMbyfcZ7pvJSJgoPs8oxqV"
    "xPkfo+vu82ECBbcoyR3aM0I3KUpoSrdPPllAsmM+GdhYj4TJoaYTJMZtL71GFuOv0TmZfu"
    "oExHmeR1Q3nVGisRykYJaMRTv0QJAT4Qn97hNozItnauuJlUqD+7B7PEs3mghsunLB3bvN"
    "3pr53+av352GUEb5z5+5URfPBtknq5zEcM2TROS9Si4mPMZjmlKKl2THNCcYCpFy8GdbLz"
    "BtXpeYOyQs7NAuBSCpsZ3DOREiBL1SZSQiqFpSzQYF0WlZbtrw4UTSn2IkZUukDgexESaE"
    "dTUANRHDoeTukVXmR/uGgXK9VGFJabFpQn3RLbwteFz65Z9Bedi1liXsiN6K+zMJTldj5s"
    "ZbgKGNEEsvqaqZjiE3EHvSDzxRh2mSmsXD0WFnfIiAq0Ya4X6Ua6GdvC5h6NFoURhuSwIK"
    "3vFj8Ct/lv2D6YSsijQtNlw6JMrnaus1GcS58o6N+AeT7Xjwe0Fntz1b3kh+CeJtMe0FgB"
    "F1eEowqueg7DcLVEb4NjQ4XqE+MFJxhipF3KoLdhNjXWuAOUJjNr4C+0cGBX49yra2v+sf"
    "zLlHZjIl1FcZvQb6fEWyeSVATNE+27/Pr1TuY9SVt1QzqJGnrNrElaNff64sbxcM+ehLJd"
    "455dmTzwrFaRvWrafQLIiMlH/bBisclePQq+NFH8DJJ90Pw2oT50mlznNM6Ma5/10oUKHJ"
    "rUq0IFMjb+WJ1sIfc87d5kRzwZw002BSLy2pXkyFJ2UrZNypaY5z4y946FX+AHKWYXrHPZ"
    "Af11xjlfDh3OjbG1THM+u9NNEQAIhivMgkNfF0atqBIMuquD7i5+kYw8EkgrZFeFiJN/sp"
    "CXW+g2+gY01N1Mk8FoSzse6T9G/UxYzcm58gDoqBo9KBtqw5fYeVz5Cm6DNPMrHlsWpiNv"
    "sRDvrKRVDosixw+MeAS8lgZG/E3/9fXqly/k3X8bzSNCNgfIpx4V/0x5Cx81pj4NHCZIwG"
    "ReIfk79yrtcs2CbZIKpHGf+FLrXX5Q9jGSBD6qQCh3XdIZorPqdVY9q/Hoo1j1jEVU3w3u"
    "VFSptcsPrtvXnKlj5+xSTfvPXt32xbko+lpd09c0TS/pmX7okThwdKFXCGs0GwdS1g9GjM"
    "/J2kVykKW020bi1AnEaVomu00N5jylzadAT8HJcwLg11Mdw1xXxFHje7AEcoiqkaCKtDaL"
    "ysIDu6ALlsqlKJSfecjgu/szW0nBfIDpI3QvkUBGmbvJPnPPxPJ7/PnFV9PzLqTLRAco+S"
    "rhH8AFppwXX0Fr//rhPbD/MRVvUxSVyndOXg8q4Llvpp4SrtU+N9aQl9MVmYH+uEo7AMDf"
    "WI7ieIQNOzA1xtNaM56G/bik8Hilk2kwV2RUro9v62VxZ0fZsj5tS48pLyPPZbM5jzAeBq"
    "uBlLawx4wZzFEOXFnvgMlEmylM/CKNzZFNnUckYr4vG0eql01CPoO/XG8iJxOpXwZ3FwLT"
    "XnAa8NLa4S25yT6c1ZIwoVOGO2XY/k38cUDOQTYmyqnBxmFhjyp8mApW78P1FXk5eP5G9i"
    "qSerB1XYrSc6EB9zNEVkvAyHjFEFRVEVEWOPTcs7MC+KgVo1SrQvDzNRWCnxcrBOfP8wbC"
    "KCG1WSQtrQ6DWlwfrOH6oMh1E7E1YXme7gD5vflWNzM2K2l0Wc3kePwOIx17O2HtVkqMd+"
    "Fd1dzfz0CfqvCuBoEBZsUe6XMvCTZ+pyl//vNX5lc1Yqjy9e/Zl1BlGvp9m4acq0U05t9/"
    "+sbk6womHPN2f53xhsuBslJXVN9so8MYJFVJlWADH+l9AFGq6vmE7Sx0JWmJmGT5YF5Imt"
    "7Sa24DLEHN3JN+UlpStxCW5hrDhoW5TzLoQRabxLohIZvzMBIy8oEGelbsuycwJWpyG6D9"
    "hsOGgBWvMS9KU+pOHjN8m3tG/pP53jdp/aFYEpkKDANxWK5Wssvcxdz3HPhR4jZAe5N8HU"
    "Zj9OXI0WjJxlPO70/h0ohMYTMCNazC0FMw46QR/wH7Hg11oZeqciRdrENn3tmHjfhxzDvx"
    "wmyCQk2azSDRbawFwCp3Q9Bn1d6U7jd6t2mj5r6sA1JfVmPUlwWIKvnWgPXxeJu1K8PAcK"
    "ZPtvg0O8PTbIinWUtDw+YlABPzOS35/qvTbwySfUi/kYUXxtxdEQHrFpiFs4VzGDQXOEln"
    "877MN/69nji6FB1rDow90dlqxexrDNeknLNJsjsA8Kzh2nMVYPaYILDYQkT5AMAntFmdpY"
    "2l1+YBc8M1VUK+Pwsr7jV7TtwFU87nCCsAHVPVCojMF2LKZOsYHtSsKnxIa9CNdbsWH0ae"
    "tsudsVnSPujtQxaGZdGF1dgzS2VzuyjZsQttE8pcEpeCPYqDV9ogz61YqPek2kG7Jt09Zc"
    "a7Tmb8OJUPLEka+yIVoHfobO2VmDzN2/11Jk+z7V49k+dPshpR0l86X/F4EWCdYVwmcVt7"
    "DEZPwsYMwjGb8JCRkQN7y2QyIsdpUxtPhlFGcTUlxAmYX+Vx96RfMI4+9oRug4BFka5BHW"
    "eAwSfIpbFVqKpSHD76XOGnReAzoeyqymkON1xPOFRWiz6WYAKlfvJQ0Scdjidn3SfJmxpU"
    "gMLTVk3iNohNy9IGrB4KO+0SUKYXYMQgtioKhTIyY1ydJ1sdotmW3LEoJZWPqx1tl0SbqD"
    "fKNRj/kIdD7/Q21hlmO8Os9Xp2l1/ztMK/0g2tkbkpodojjTg5SkFtI/+uDw881jxQi3+5"
    "ef8EteA9geR7XYAsBQrFw2Vd+bEM3e6Kj8Xnf9PiYxovJhCxTxKI+MPraoMFyGZe4M0Wsz"
    "bphgVSmw/8eLZxZAXoWL6nIhkSgwH22FtESciPreAAU2+wdnbDRmM5sh1uVwGob03NB8Zs"
    "VU1fLTA7/Iaxe2ncKDA5S2U1UqNzT/ZVRo31SDhT5oIMjhCxHTm+d2SHFOJ+zw3FkCOz2J"
    "bZ8sze3vfeOWIPPZi2dH01F3uOtPMI2az1sO8YHdpKzjnSTs42y9nxuWi3iZuEnYxtlnGi"
    "b7bx4+doO0nbJulWqS7Sr1Wi2jfIczEclB+9YB9h2qNkuuTZtt71G3O2nvt36MfDa6W9aE"
    "/nEVapRAcpocrld66az3pCpZlgb0CsLeLJS7AbhGgkmfAQmSF7qMEPPymvUbLZV0g/7F3I"
    "hVAGpqSUJ1YW1Y7d9I1YPATD7IzEGoGdfhYi8SML9P2OpF0Bl4F+KD4mot9JfB0Lm2Jt0R"
    "H8hnhM0p53TIN7WQVF3GM7X44xte4ZucE2wfJe2vIXRo1G735TovLc309/g/+MRrp3soyE"
    "TsuwnJwR+A7gBn4cqiWyLpVKQ3i0w+faVKVgNfUTH7PM+oHHkAm2OohbCWPeTozAq3268d"
    "zksjfqhT7kvjXpuvyazo27D9v/k2st2wkArxymH72lWXDDnvL98JW2iRTX9YEyCA3B2WMH"
    "M2bL1FDRrFlvSmGxxbuHyDCHCfsSEfZ1PG8fQFa0CIN2rqCtBPIaKLXZPp8jtHmj762F3T"
    "oRPYlLtfU8yKL/ZsIq0tqbeJTXaKSLW+uLtsomUbiaiSVDZvUKkqudnCaCOc8plqhM1j1d"
    "HkVCqW49rKiRXymlMlKrhWXaEVAhT6wIRIePey1X1cay+eZoMRjKvxqggCyVxUigJcjdSl"
    "k0xbQWnSEKhB3DazFc54C08GFkKffGgwG4F+v5RGTMHLQBoqU0RryqMlATzLvvbg7zUzCt"
    "jfVRQca2afE5Y6H9pOBjysmiKIjGVfVz+W57JooqV1I/V0/f/AatqqSv2P9JBcT2Kp1S8Y"
    "B+DZfUzBj7oD/qMikWdiSdNGZcrlm0nhxLYI+JdFi7LEkTObnALmtYd37GaKBz5rSUcxLc"
    "5rtug+NXz86ePYuhoLMI0Z2DveFm9O/xs2R6i0PFtE+eq2caCS8nDTPu8r6ZzvXSuV5s3y"
    "47y/+jY/QNW/6fSs6I5Z9418q8WiD7GZRdohAlMUrWVLG41tkg1cAxGVEHOQpz8IPQ8VdU"
    "k0chww5C2k9HIs+5HxGZEynimKNM0YjzOMuLYZnbCZa/DVe6IERfo7cCcNzam9KWxUdC1u"
    "Ej/wT6M/JFjkKESbEZElaV0CUuZNSTZpOq2ovRQCEWtoDnq/msC/SpBSX/1puEDGgBwHYh"
    "PR2u3IM9vsOVB4Yr0w2oAX8zRDbzuDyu5Gdz+k35/7YG/99W8v9tnv8uLeH89Yz6fuXGok"
    "ls3lB6S8buYZ7k2elrcox/+KsTNPDgNTijZzyIpuT56eAtOZb/htuNPHovBm9eJ3sO/rFu"
    "l7n+dPnxY4lrtUuwPDAsXyfBstPgDk3qe6HB3bBwpthXqr6p23V0tygZ2czmr+3v6KvFHj"
    "zVJnZBjuGWUQuiJPVko09+uANJpxp1qtGDm+eTEcgTq0oj87MAM1JVk8YLYtPQmfE7zr7+"
    "8vGn6zZ4fvOFOzqE0SGM3SIM6df+yrAHq5ZIEWbkx6zHGnL0MMwOfxBwqJfASo1r/Io5Nj"
    "3T9lkDMjhT5twjaOAqHICHLgt13yBQfVlElkjo8mVAxgU1fVvvuQ1G6oePyLFqVE1GowIr"
    "RqO+kXM6Gn35qtJMT87IZ2kbVo3c3HPcsdhkoazS0ggtX0/uvG9M6GAEgl8A9o4bxQISEQ"
    "/ZCAGU6BNGnSk8JmBLoieE0f8rlaib67mbJutO+fxInKd1hrGoFMbT6o6xuiY73AcCBGr0"
    "DhboRTL+NkAC3FwJR0CW0OFwWRbZPSOjMfUx4GiIdvA0UVhzNfTupvAevKX632E3PJ+usO"
    "sdvlukYdiqerQDdHpeDazq+a7DD6bRZpP8MJG2pH+dlBJmCnc2+Q547sGZ2qXZPkkBJNWb"
    "GzA/obGZ8YjMvAgOyfP4kIzoPQuSBkL6kGlkL96xcNIjpIFaliGy2quSogyFqFSGopKVrD"
    "cyKXborZWyWyuv4fmavIbnxbyGPEhoIJESUpvlYlM2SQYeNtulCqRWb1Ya8epJm8hXroqs"
    "CmXrftW5wqoFsp8miypXWKtqZqHSSn+0oJmp4e7hl/A45cwyTFtj2Em4WsOqk46ta9JR9t"
    "dkLyPzRaRMFzoPI94FmUOxbVIMELQBBJs1IfCHx5yUBv5t5S2xveXYNJ2YFh3JhnNlvSnY"
    "dNJpDGPzzo3cz9VSgJfcBpnJqsBALNkQcTJTMYQU8wtjW0+1WSPzrlaGjewTOrtFZ7ewfj"
    "vt7BZPUwBPyG5Rfn7ZrAg8HWXZMGL0ddtI2Z6yscLW6dK706UT4Grr+ukU6WqBHJYinS0M"
    "mMPv9RdogdTmBWohtFhTOSO7k2dF0rx8Rkn8xJ4JpW4NjcInaVchDSmIax1s2qu0iCQj+j"
    "VMIsIc3DCuVkE9fXQVgmCx8jr8c8S+z71wNZTJDmJ0ooNjNbEyHcgh7KFg202/DkNJfsVY"
    "jxwN+Q/yuZ9PxlQ0p3GUjE/ngomk1LzPJrL/t4xaUTO8DeBcc72IfMYQDxa4NFTJH0Kf65"
    "6qnK5GYaVR7gO3I31BR4ccxy3G+/oCTKaLHbZ+b+7vjSnkyQgk04AqXe1FEaxPQSsQtxLD"
    "jsq8Icl52d7XSJHYRMZZFxl8aNqB5ZHBlyz0nGkZSNJ31oIjmo55CBNVy3nDJ/RTOZ5/sG"
    "Rt9cGLJXVLVaJqy55BYrNFr234y6tXdUx2r15Vm+zwXqFNbhMO6+EHyN2thHTpgPQih/90"
    "ffW5wryWkuRPT8+JyL+I74l9tLSsYS4yI3NExjw9/nT51zy733+8epc/+/AB78psLLs8zH"
    "7/P3A5/oI="
)
