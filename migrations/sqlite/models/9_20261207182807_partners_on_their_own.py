from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "one_time_code" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "purpose" VARCHAR(16) NOT NULL /* sign_in or payee_change */,
    "destination" VARCHAR(254) NOT NULL /* an E.164 phone or a lower-cased email */,
    "partner_id" BIGINT /* whose address it is (null: nobody's) */,
    "salt" VARCHAR(32) NOT NULL,
    "code_hash" VARCHAR(64) NOT NULL,
    "attempts" INT NOT NULL /* tries made, the right one included */,
    "expires_at" TIMESTAMP NOT NULL,
    "used_at" TIMESTAMP /* null: not accepted yet */,
    "created_at" TIMESTAMP NOT NULL
) /* A 6-digit code sent to a phone or an email (accounts\/service\/codes.py): it proves the person */;
CREATE INDEX IF NOT EXISTS "idx_one_time_co_merchan_b3eccb" ON "one_time_code" ("merchant_id", "purpose", "destination", "id");
        CREATE TABLE IF NOT EXISTS "partner_session" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "device" VARCHAR(200) NOT NULL /* the user agent it signed in with */,
    "via" VARCHAR(16) NOT NULL /* code (a one-time code) or link (the merchant's link) */,
    "created_at" TIMESTAMP NOT NULL,
    "last_seen_at" TIMESTAMP NOT NULL /* its last request, to within 5 minutes */,
    "expires_at" TIMESTAMP NOT NULL,
    "ended_at" TIMESTAMP /* null: open */
) /* A browser or app a partner signed in on (accounts\/service\/partner_sessions.py): it holds a */;
CREATE INDEX IF NOT EXISTS "idx_partner_ses_merchan_e8c106" ON "partner_session" ("merchant_id", "partner_id", "ended_at");
        CREATE TABLE IF NOT EXISTS "partner_application" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "partner_id" BIGINT NOT NULL /* the partner the application made (pending until approved) */,
    "status" VARCHAR(16) NOT NULL,
    "answers" JSON NOT NULL /* {question id: answer} */,
    "agreement_version" INT NOT NULL /* the agreement version accepted (0: there was none) */,
    "agreement_accepted_at" TIMESTAMP,
    "info_request" VARCHAR(1000) /* what the merchant asked, if anything */,
    "applicant_note" VARCHAR(1000) /* the applicant's answer to it */,
    "reason" VARCHAR(1000) /* why it was rejected (the applicant sees it) */,
    "decided_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_partner_app_merchan_18f22a" UNIQUE ("merchant_id", "partner_id")
) /* A person's application to the merchant's program: the (pending) partner it made, their */;
CREATE INDEX IF NOT EXISTS "idx_partner_app_merchan_0be246" ON "partner_application" ("merchant_id", "status", "id");
        CREATE TABLE IF NOT EXISTS "partner_program" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "merchant_id" BIGINT NOT NULL UNIQUE,
    "review" VARCHAR(8) NOT NULL,
    "contact_required" VARCHAR(8) NOT NULL,
    "kinds" JSON NOT NULL /* [{code, zh_Hans, en}]: the kinds an applicant chooses from */,
    "questions" JSON NOT NULL /* [{id, zh_Hans, en, required}]: asked on the application */,
    "agreement_version" INT NOT NULL /* 0: no agreement; each change of its text adds 1 */,
    "agreement" JSON NOT NULL /* {zh_Hans, en}: the agreement's text of this version */,
    "updated_at" TIMESTAMP NOT NULL
) /* How a merchant takes partners in (referral\/service\/applications.py): review or approve */;
        ALTER TABLE "partner" ADD "phone" VARCHAR(20) /* E.164; one partner's within the merchant */;
        ALTER TABLE "partner" ADD "locale" VARCHAR(8) NOT NULL DEFAULT 'zh_Hans' /* the language messages to them are in */;
        CREATE UNIQUE INDEX "uid_partner_merchan_4c0ca4" ON "partner" ("merchant_id", "email");
        CREATE UNIQUE INDEX "uid_partner_merchan_79c212" ON "partner" ("merchant_id", "phone");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "uid_partner_merchan_79c212";
        DROP INDEX IF EXISTS "uid_partner_merchan_4c0ca4";
        ALTER TABLE "partner" DROP COLUMN "phone";
        ALTER TABLE "partner" DROP COLUMN "locale";
        DROP TABLE IF EXISTS "one_time_code";
        DROP TABLE IF EXISTS "partner_session";
        DROP TABLE IF EXISTS "partner_program";
        DROP TABLE IF EXISTS "partner_application";"""


MODELS_STATE = (
    "eJztfWtz2zjS7l9B6YvlOozHdq5r754qJ5vZybtJnIo9O3ve9ZYEkZDEMUVqCcqKZ3b+++"
    "kGQBK8ySQjyZDMqqmJJaJJqJsA+vr0771Z4DCPH13M3b+z+94Z+b3n0xmDP3JXLNKj83n6"
    "PX4R0ZEnhtK5O7hVg0Y8Cqkdwddj6nEGXzmM26E7j9zAx8EXZMZCe0r96ICTiy8fCFCek8"
    "D37okbcXL108Wz05eviMsJj4KQORaJpgwH4WXmjcWVabD0gcZmR/hQJ7Dhqa4/2dD9F777"
    "nwUbRMGEwdgQnvKvf8PXru+wb4zHH+e3g7HLPCfDRdfBG4jvB9H9XHz31p188KMfxVic/W"
    "hgB95i5qfj5/fRNPATAteP8NsJ81lII4ZPiMIF8tZfeJ6SQsxuOdl0iJylRuOwMV14KCGk"
    "lhNIv+sNBp8vrwdX768Hg15BejGFxnD1lR34KHmYKhcMmOAUnv3p9PT589enx89fvXn54v"
    "Xrl2+O38BYMd/ipdd/yMmk3JK3Ejz78LcPn69xQgG8XvK1wy/+EDQ0opJKCEN7h9WbMGgq"
    "hhzhw/KIub9KIPEX+y+RVAJhAFcKrH83pWE54+PxOY7DD1kPx9NNaRssn9FvA4/5k2gKH0"
    "9ereDmPy6+vvvp4mv/5NVhlqWf1ZVTcSnLXNi0BlPKp00YrNOsh8mPu89kWPzqRQ0Wv3pR"
    "yWK8lGXxPGRj91sTBqcUJr/D8HNCHhHY5PC0ZiGHYzAgIbODie9yRihRB/rjv+XAGeY1kU"
    "BCsD0B9Hrb2UKOj+tw9/i4mr14LctfO2TIjQGNikz+K1yJ3BkrZ3SWMsdtR5EexX+Y8/LX"
    "5z78QOcSVEe1q61g/vWHT++vri8+fcHHzTj/jyf4d3H9Hq+cim/vc9/288sguQn55cP1Tw"
    "Q/kv+9/PxesDfg0SQUT0zHXf9vD+dEF1Ew8IPlgDraBhx/G3MtezCzu+C2ldSzlGuQupqu"
    "KULfESHHPClIGW2R8a2mD+MXI2rfLmnoDApXgtOgamzx0ux0lv+G+nQihITcxHnGhuPCca"
    "P3fhSWm5XpVWulaYnjBiwZ+KB5eekzPNX8CZ5hczjYAp/MqMNIn5Jw4THCWWThJRpG8Fbi"
    "nyMa2VP8Ay5F8GZY8vQ7Ojo6PCPLaWDB/5hvFSzNzT3qxl9OKdL6jrBO+WL0K7PRoOURrC"
    "MyYmMwXcVlOo7w1svQjSLmE9cXBHJaMB7tWOCYz4FpwKGa5uy/8gZQYNuLMJSLHsYWrqsJ"
    "ym1A+wxX/93Zxp1tbPxB/yjGsb6qGh7COdI91L12/RjWBQ2bbxAOboGTTeyYLJXR1qTyAF"
    "t4Po3HJAgJv+cRm5lhQUpGlu1zDzG/dIszi/V43Cs3N3GVN1tKgdp2sPAj+Bb0izaSWL87"
    "RXK1qVMwS7V/Vv0mXnicUTMWKwqjX3ZUi8mScuIEPtyMHU2OYvX6iC/4nMm98vFf9LxCXF"
    "cOeTrzpeGmAiFRkJVJG1k8P60hi+enlbLAS+WyaHYAZKlMloMxznJplhaZ/D9Xl5/LmZxS"
    "5DVY147If4nn8jrmxHY8SD3NFFcm+Lm4jTDa44WgnKL1Xv0VEkCmZfTbmPP9Txf/zAvl3c"
    "fLt3nFFW/wNn8woLegiYASgl2Tj5h4iXhCNgvuTBKPIe66T8qq75U465Jr1ipX3UwfVSMN"
    "ZBSi/ypc+D6IIHWTkXkYTEI6OxfpGq6D+Rgo2Ij51LfvhZ4bjAm7YyH8gQ4sEgbLsjyQ9T"
    "+gSwQx2rNS7ewS/zY4/OPxe3jsn9aKIZ6uiCGelsQQ0RkFi6cJj3Uak/nc+3B1SV6cnrwm"
    "Nmx66dZgUz4ldIYmdis9t46aW63l5iWAXr7fQAdvIgGdZotW9QV36Q9XGKGYUnc7JvYGPB"
    "meFyyZM3CCGTyTN9KpiqTfpV21k8KfxwtfGP1ktHC9CCZyhM/7vw0F0puCToMZkzRkMGH/"
    "lpMZvSfzAAQB9qA5epYuvCUbTYPgdsAZaOslvvfqJVOkNHrruopABQLdkPwi5w2CEhMn/e"
    "UU/hpg4LGVj3YTiSg0gimMFjj3wRIYESwHDr0vWVqVStOKO2wvTPX8eLOq1OnJi9cv3jx/"
    "9SLRoJJvVilOxfCTzi2hzzdyGJYRb/EQ8SiPBrbn2re76qQdwe+D5zd9x/NkrV7sLRnk9o"
    "JHAdiFRE1a3oT8BZSosUWO4Q90otxhAsNn+BD/pEdYCngkDzD9fxCyMQtDWrIY3gaBx6i/"
    "4lAv3iEnnRHcYlNLIvlmu8HYt5eXHzMH9NsPOfPs88+f3r6HxSHWBgxyo4p4eHy4LsJGW1"
    "GOrNUmtKUFsZwyUJO+Mg9UpC+XV9dc+CC4O/GZg2YFsFv6rODu6FBHpeqWzVsZGGCm1bT0"
    "Vpp6hWN6HNKFM8A5U6+R3lsg3AWf4hx2LzFxIid+JveusUcnGOaeBp4j8rBQjtEUdE78hp"
    "N+vAkcCeLDWKrquTW3uW3rxXPYjN1gwQftFeQVtzB5YQrXsVSNVXIdfoNKBgmDiOKwcwIH"
    "lQt84ARMfteTTkMwoYEC9n5j1OhEAvL3DO6o5zoDMeWiIFdnGT1wq53J/e0xWKHBWEgsFu"
    "cBJxNgKMPMTTf4/oDAziUldXn/1at0v/L+DQkxXfrsGt6Hd/CpVxJl0i9bqwJNoBgN8MUa"
    "2PHQGtGmV88cd+JG0ofLmXBOYUxoimoWHOTUJ2xGYVfvq7Qp/gNn4Z1rsx+QhB/N7w/PMI"
    "g4D4M7JiNGMue7JPK0uYfd+FK/iDD1AqQOLwY/Iviq4k1/+nTxLt7nxLNdLtRH0l+60VSm"
    "hsFzWHiQOIJQdxly6kXDw6MbuP0/cItXB9yQfZu78ARY6EMCRw2Zuf4iYqCiUuKzJWhG4i"
    "FwXMpbgzzJfBHCGytz0+GXRK4vdlsCOzAquzfwURRWH1qCDj7N4AUnL+HlxZO1P6RRxGbz"
    "iA8PZf47DoavF1xsODDLeoG4Qoq6mpjaFeJ54ccuSd3YuF2XpP7oSerauqltA6QkRnvH0a"
    "IbuD7uyHN6z+BAEWUzrTT5tbsHc5tUXd7nyIzmP5xY749OXr3QDkaCobHwmU05OkTwjGzl"
    "+nhZJ94Ho6odHy+LpeAyfaTxVpSlM9ldu5yKk1tqFah+gPrQj71Ro8C5P+B1o0WPslWhGt"
    "NkrcTjTV4kLcMV68+iRVWvMdpEhmgP2byBvAKl/jaLeiYk21N0GkY5e1K/x/pYWaMSupMp"
    "mgJgpPi2t3Dq5mSuO/ST2jhN3SBZyj10g+yI26OWt0vZj01lrJHtjrczPrIjLAED8x9UqX"
    "tWM4a0TzLvPJx7K2ZDXJpfpG5/BfqyFEDBq5kbYa1ybMaWAtcG10qkD5achcJ+ms+1RHcV"
    "V0YL1y9xNeYel3odpYuRljg2N/WoGx9z9YMZiYJb5qMLczl17amEbURtQYNtRIfmEbmcwz"
    "gY5DEyZLCGhHMQL4sME3Qcyjjeja97Mc+JGEtG92LGWBcQLCKL3AhfAP6N86dwB4fhxPkN"
    "MEG5N9VvQNepqDTk34GnkbUJ4/l3bsjODWn+0fFIbsjH8750AsBvxM7c2AGQpeoAJx+0/+"
    "W508zjG1OYi4wg8msWqDmAHuWLovFUY8DYZCsv7yYqme5c2oT5arjJri3hhENMssBnz0S+"
    "En5xiGoN1muQPspGw8zGL9sVBaw9BtIZcJWs33UDLovwyiMwDeCgaC7oPO3uiLqHKaMyw5"
    "DBc3gkIHhxM4Q98WWca/H0vDadQ/ZpiDk2epsKWaPbNZdsMGeFdLH9lLQh/rmvIPiP7syN"
    "vrLxgmPZQYmLrjjIWuWlw5dp4OF4rPRJCR701H2V2zwnlOA9iLgHEfcARbj/4vRPhxam+S"
    "XKmEV+vn6HVVHCnyWGn+tIrwJNtnhEbOxBN/7oXhW/z8PAxiSBPvXJYg6KvchGRH8anmrC"
    "+3d4RDT3BznGiETyjcBiuYU3ptKFVvCZwfTwH8l5IcJ/d+Ab5ngKOu+ZcSLRvAq0BJoDz9"
    "kKlwItQ+XIHK87yPoVXMRzMt92It1nCpxb0XsiQ2WyW8CYxCJ1LjXbGjQiY1NeDNwTDFHL"
    "rtyJ/8G/Rt9wmUKmX16piqkE3kGUDK0RLk3cYEj9DLQb6QUT1QhJPFN8yMDoHp6n0UjxvA"
    "NeiEqWREw3+LRV5Rpp7cQZSWonRGs7rHAEPQ90NN9xkSvUIz9/wQ3QIjwg0TK48eGaRGeK"
    "0GkL+hz1MZtkFERTwhe2zZizhshnF+3s9DXzT78u2La/wba9T+k3/DUXR95AHXmNpVBG3c"
    "mirSw6t3ulQHbdGdvlQQvHZ5cD3YXQO5SH3qZtezyVL+Sh3Csz7vXr1krrXj/f61r3qg+f"
    "AkFIww3TQFjgXHTIC6T9ywOPiYB7CsggWuqBXc75Mggd0qfhJPBPCerUh2Xm/aYfVycwIs"
    "tku2CIQWpVZ1wbJxJN043Lyuva1QmByf78nlY5f07kw+JsIn1vqqcCbaWeXu56jd0cBUKj"
    "xSK3dOzMJrZ+DI/PaQg8wK7rrYSxibTXpi3Ztt+MbWtups20Y7srYe9qQNmEaIsYsvF53O"
    "D9Fjc5i0MEoozK9c9FqhOJy71I7b5sqzb39QHNdkZR9VrojKINGEUKfv8rsxmIpFdiFuVG"
    "rDSMYmjVUBtcwzTi02AuQYYJ9VDM92Bo+I7HnDPMFGNzRCUGS2YY3991RMiQ+hw0C+aQFE"
    "QuCvAziAbevTKzaJOPqmMSpbft7CKTlPDOLjJOJEX49WZ9MrNUe6gPbkTfRjStxoZPhmgP"
    "Ob2BNrwRjRY8AYrNMnpVYFGn2qctZW2wSXAgz+EJjbq96jTb73j1OAHCjeD0C8XvrpUBky"
    "PtLJjOgqllwbwTrZZKDJd3cQ+mansladP0sJVy6TNy53I3wmYawWIyxcTIpLfcOaYg8qQr"
    "CuljGw6Y7iEZLSLiY2kKiRtTqRTFjGGy9ru3SIAUzw/i3KHAFomWEv3FIoXRD11354lC8N"
    "DQbNJSZnQjm6haP1mnCrgJk0igEITYfEd2DiNuXczBrEJYJwX+tDoF/lSlwHfGUBPNZcvG"
    "EG4IjdmvEXWsb836DurnsdMybdaskXBCsIdG6frDQVkNoC6Ps1R7yOgXddwsL6q9LC8KTh"
    "ZNOaqtwsw7B0sTBwtiOg0EplMTLmepzIWtasnmlyd1NEQYVcloca1QJslAYQ+b8Fmn2Tsu"
    "nxyf1nmdcdiK9nmnhVfa5QOwA0tUj1XR+pSo6/jaIBCvW6EFhq92ZOVI99CRtSOOq8o0dF"
    "M8V6oJ9VvZg7pX5sPKDbFWerPU4MFIG10j/J40w+YRvedphDspAhY5xG5Ixm7II83TRILQ"
    "gesS7DiauhI1jJfF3TfyjDoB94QpcOR0IXeTzLrOy2ScSLRENH3ZNFDs8nR7aKtsJOzeuZ"
    "Ye+YUfBQu/jban03WqnnGqnqGFxFutM8VuE3fS1t5/gRui21+i1tor0ejlhZV6POaoDoJk"
    "3MMavK+U5JDNgzCSXURy2Nl4TytVu2P9GhsgO8x2MRle1PxhFUjIKFcdRLJa/OaeU6ua8F"
    "vEQp96ZbmzjcPTK2LOJaOzRkTZAIzadtBBj32cdyaFcSLRj990/TawKHJknUFRz6B4VAPO"
    "NNyabbAbUensEjDTVaxOafbwtX5eg8vPq+E4CxyGXdhnjcqjNZI95O+bGvx9U8nfN8WMdD"
    "ATGu7NOs3+bRQntTaKkxUbxUlxo+gCS3tsfGbW02IUBRHoLTPXD0qC4ysB5Aq0JuudMN0Z"
    "BnA812dkEgacEzoTbTbruRweCXnc5RKfr4V8irRGy0dY7c88dsc8Ek/dInzuuREJMHkcJW"
    "e0sFqvpN1aRnLVk2eJlEyWiSxGa6YuxBRbzPlRwAi97agMa8/J3Hsk2J4W61eTtsRtyHLK"
    "fOIHMoHX1FWgeTibLIUcmcnmSS9ciNQLGgkXrsMc0Xl6Ob1vIpwN92pIHLANZKDT7J/1sq"
    "5ioEeuPDGNx0+h7sE0nm/4iHX5QGSdpTG3Zvm1OWKz82wTB+8Br8i1q7ehbycNFx4aMbCz"
    "mlZL5OmMPl8j5nk8RR8ah8FM4rKO4YBqBYu4/nKKRysN2pISisFqNVviOhLgCaGiOGsHTL"
    "m5lhDlkCGrQCmzdKZLQTQFB64j2pZFKCc401bl0BvQMoPZ3GMtAfpytDuTRfQkvbc29W3m"
    "tRN0lrSTs9Fy7gA3O7iarScGfnR91qtKDhQXrVUJgkJNH3jxuFrYNSI4E4wR4V+Qn5Ohz1"
    "QAQyBcYkaeDN542D8ZP0oEGtVCQKb+xY7pcgibTTykNDVQckCqlfhQkHRX3GOS76LLxDNO"
    "JFoOgrZ66vNfp9oU8/d1OWScqGK3KrB+lQc1ptind35tgI/8dtHINSqHm+wRMilfyQZuTI"
    "KwWWKjRrOH6A4b4PJ/FnCwuVEJl1ftyDrVPm0NW96S4ddHg3no2qxNhkkZdSeM1sIQ1kEb"
    "OeQIOxF0mXG7LojEdm4mgwxZx/5G7DfES/RFBm16JT6i+JK1ykM01wY96B66CmYs8JnsDY"
    "neGJ6v6sQkDi7rNrFsE38fc7CuWAbKqCdJ7skIxVj0DW3kCbXQXzDoVVawqVpTllWGTjGp"
    "6cEC05DZ4cKNpEX8cM1o54zqnFHdLlue4tEsnv1dcextpXSo+DWhEaEkcj0PMybtKbNvg0"
    "WrfIL1Zz2BpobpJgPxuQH/83Qmy6Ft6uQmKkRvXb9R7kw8fpup8urI2o4jZf2wumACLuZN"
    "eJwQGJwUYwx3d6TeI21Puou5qBm1spFGkqc0ONs6Nk+EPRDP25Hojmgm9GWpmszMMlVvkU"
    "bKYC6gjJlvN+tSXEa8zZ1e5cXuXJX6E4C16Gm4qGAZB0s/RU9N3hfS58wbP5M42tSru1I2"
    "r+ZsuYe90WfwZrrTT4NmtSAJgcEM7r0/Onn14lzs/umrjzBirp9xFbV7z2u95ive8kIlVG"
    "BTr5EQUoot7vK/TQc/UZ833OjF/uNRf7KgE2Q85/AvJ1GAgpiJLmSu30YOaz4K5vSescbm"
    "a5bK4CVhku0qmUbtpCa9Gbc1wo7h9eCkurTkLi35EQJOF/O559pUyaQq9qSPsmqEoQY0R1"
    "CjKcGchTzwQQnQaNUZpMeN5mEwCensTHzfnzPR+OAwaSvgRmRGHXiAaC5QiEtt5jE3Phy6"
    "S7ixJTFQ4Q1hM+ZH5A6+E/fHQBZsimyOZi8GvRDqwBJ/5R4cg6bWjnhpuA8PxrBS/0yHXN"
    "qFqHZi8+/6Pm7c5yA3LW07xK0t2fQIKHKuh9fD4I45RrvodsRjrTi7qy5rddgV2YwN4svZ"
    "rJHkNVTXjsh/iedyk1bH73B3LtaC65wROfs/6r35K7iN/MlopjGX+58u/pkXwLuPl2/zKi"
    "fe4G1eGrG2MVDaRlEulftVKa3x21ZRv0pUq/6x0NhCRpaUC7SiZvvV2moUUs7Gc2th2lXe"
    "pCsxNrnE2PXHwSBkYgtpchbl6Qx2nfSWiA6mmy6E8lvEb3CxGPQe3biTNi7Dk+O61RYryy"
    "0K/hWl3sBS8oOokf+wSGmyXDRVTpiT8uhCA9dtl4a0IXnIViDNIqgxhcn8R5A8NxKnT8h+"
    "ZbY4lDJCIZwxLIRuFcHblDgUzl+LMypL2R1MJh9MnZP5SYh5MXdaijlL2YnZODGbFTz4Ip"
    "3kverAQTzCqhM0mGuDHwwY/BQsCU21z4jewqmq7gTHq0/6carMD5yFd67NftBcXPxofn94"
    "Bkf0ncuWmKqt3FuFgMFmHnPjo2RnMMamnndvYbdje0pA+PB+cHgCxtzREnAFJpruq8MsYU"
    "6C8Vikm/cZBTrRfQ2hVWDZMQ9mdeOPAvgqjunzQysfZsAko9jHwdNARPyU1MTuKxubCT8I"
    "TDzRY6RNKhP41KDDI/I5IGGwlHETtXw56Q8zTPnr+x8vfv54Pfjy9fJvXy8+DQ+rgh0dwI"
    "s5XtZdCVg8GYHoxhTuL82MqZhii25vOE4W1NuO13vdWaiBH8FxNIj35Ca8LqPdZrAhzgbc"
    "OaaLo65JlCEh2IkYw79+x8o2i6ikPYsw/49/y4NTHvLU17wG9jQIUDNAsGAzAxGJOtFEZB"
    "miHRGb62SEZiWaGopPuEGJzPkguTQY82S2w8Gj44ZyOwaeB6lie06E6oz6x0SgEaL+HLFv"
    "EWrhnJw8ctioUXBVJ9qJNfS7vuedZZOmDpQYBECky4n2cpm3fjpXS/XS2M20zRLXi5i9IZ"
    "6Xr2y88LPGb/aKtcrTEqZjamHIyvGE3aEnQIN5xWIkWJfUI9TzgiVzDs/F/jnHrnOuKumQ"
    "XoyhnBdi3A55OYjsRp5SJ3VSB7hc1Wy+8zt0fgfjt9sOWPZJLAet8FLbsQrsX1F+mSUzGc"
    "2jF3dlOeDxIeG2agyykZId2fK2DV5bnrLbgFovgq5flCHdiro253scdu6SSOqtsd00eQ2v"
    "VExNu16l2ftwCxWpPzTooXKtwuHCIo3VD9EUFwg8DHuLyLe0VPG2ZwSRoVFTiRahr+r8fB"
    "YRedyrWzCnaARv9lFdXN1oXaazb40TiR5ZF7tGc2gujayzcL/PuyDaobRzMWiknRTaSmG/"
    "W1X0sifpOTkWINQYexdn6bMA9DmSOs5NldLT8Eb0SpQcGWx3BaR4IYHzsUVkjA49D8JIZO"
    "Myzsv16MyIB3RpHCvzdePBtRJ2xzTUsmkPOMZt8FZfF74P8hpi6ignk+AMg0HhPXFib8dQ"
    "tlyHz0OsZRpG0zBYTKbii4I6vbEn3fjTALgt4tW259q3nIwY7BZMhKVmruO7k2mUJNOKM0"
    "hi3Mt3latMXfhjMVegI5x1Srr5p+GuKOlPRiCpANBX9FtDhESdxmzPL2wjvwV+0i4VdiFO"
    "+jROW+KRjIBPQAat6gnX7wdOts+iPCqXQobGaPVD8J+7iMd68qfXx8+OT+C/RjrH2lLFtI"
    "OpAatzVEYzW8JS8kgczsvQjSLmk37yspBn5ORMYDyQe1a7nHZDUmgXCC+jNlkkph8Fip0t"
    "vTal5J04WoujS46sFshuRoqMT47UTLxepZEbD7Bq2LihNrZWyAgFHXiY1Ij0YHiO3ckC+5"
    "/xxWyGzgowN5XNyVkUedj0DG4aG5LizEPo6NScxEBQachoM4+68ZVWORQ2cD9XOIoLTqik"
    "hxYmYqYVo2DlcpthM4dCRWwYeN5iLmphb3xKwjjlXmhTrrSnwR6Ps/AZ3MpjvPC9mNcRSU"
    "H2yDH+VC5/442vLhyRH+FX8rPERL+HiQZzDwRGI2DgaIGgHMo4h1srDgkgONK3KSh3nvAq"
    "qTpcrPn1b/xgPBaonQSX7qGVmPRCMw94Yu73Ve2H+IiAnvS+sr61kJEaq2UZHEHB1i4p1a"
    "RDblf8AY99zD1OO9tGFtEuWEJym0Z9xyKlJqisoYmCCJ5W5pN8HOPoCcCoHscOZK0Bq6nr"
    "Qp4jBUmsAEeNCYz2kR0ciIidOn6Fh90PYl0E0ySxyJaSkSsxvNu4ydaPoSp1k2bLIqUxeU"
    "kYfjjcudyNgjL02lWs16lMZn6PEjVVIjpwCD0WTgoqfGil+rrJO5Zc081EldKYLCjDV0mI"
    "xXhgrLRIJyiQmiwG+bbEihMdR/DBcblYO5Y0QpWdZ9oyMcTlcoXN3T+6/m2vxN2SXrRWuV"
    "pEg3jM1bqt52a5IDjgFsmxOiiMRDN5mTyrtjdLqgSgAYg97pwMfwh/EHgbfwxBoo4bMjvi"
    "MsBPQzDIB4vQGxYzczf7qIeD/qu6fViagmbT2Zy6E79r6tG5BbozrfxM239r1HAB4J7YxP"
    "yMx6/H+nzcTWjD5mR6sjRhcJbKZCO/JaNP68Fln66Cyz4tgcveT0+KMW8zv100Yq4cbjAs"
    "fFvO1gV7X4X1XvA8xapik51Yo9kidGGvGZfREygidH5Q262xeX6DKePelWwWb4PAY9SvyM"
    "lPiHLsHgHVpvgdH4jbLYB+e3n5Ee+cpDa8/ZDTJD7//Onte+C74DoMcqMqBaMrTd6zhBPD"
    "S5PfBbOZy3lF81TtqrXK/2Fnxz3o//gFK4O1xumE0dDHxIOQTGDX4AR/3GGxatgiwlFhM+"
    "EIFt8XPR7rvPmNf+NfIPo5Czn1MNOD6vkciEEuwjWU+GxCccdTtT0WGcZUg2A8FM7qYZKW"
    "N8R0lrMbf+ryKAjvxX3n2FNP1GpJqHO+mCVQYu7E9RFEDOFjRKmXvLNIPUn6GCX46ozNOc"
    "x8SDk8ZRinpwiECt++F+Ek4fGxKZ/ibx4Ov1xfDYfiu3mA6+2IfKH3AjxdEc/pfbCAJzvB"
    "DBbkARdZMHCgOiQVPSag3HMypHfUFZvIUKKyDyXxYEQjeyp+PL5l8r7iO1kobnvUxZwfN6"
    "qda6JxWH6Msx4fbCObpKvCwAc8VDlsj7TdomCv+GMWtwr3YEJe5v6WbFRb8hTtRjHD8BFi"
    "6KprhclmmJubfxmFQs7u/Gydn838Q7/zsz1FAZgLyreWkF2cXqqUj9qIcE8TwmBLfe+QRB"
    "bOC3hWKZqQoYptsngEd/2gKJhKqWgUJstDJHfDVA84UM9GuE60tORzcctUU28korWlByb6"
    "Xpb1VzPqedX8j4mM3qNUQqaWb55Ei0/FJRdXhx0u3Kgh95+fvn6VMB4/rOL51aeLjx+LjM"
    "f2Ek3cf/F4k53XvdgekzZYG/ffmtuXJBZOXTYnBGbzudQStghYwZoN3Ib/z2vw/3kl/5+X"
    "47M2O3NTGqO3F5FbpTDgEpafp14UeRDHBr7JB/CI8lZZZlk6o4WlQdaIgiahFIkOwXYwm8"
    "tiJNlHUMDZWIkYm5U0bztDcOGxAexXLRrHlJGaLMGm5t7aFCTBqGbo3hqJyadIy4Do+uEq"
    "ck7QZmmuGqHptoDmaE4PBs2jb/RW81ggjFuST+LQ0JFfbbrgCOy6E6d46nGvnbORUGyzFS"
    "ITJUC9rexV60+LeYoQ6z2R0JE4LkQcUmpRuFQOyVRE/lhNJ9OORL1jxq3EYc/Ethq+Dnna"
    "NbwPW9orUWX2GH4i/4cgGp9yZYF27XpEXX2KrwP7Nveon7SazL4N1b0Dc2Q70T1wGiyld0"
    "0aVbolJYsxJNzDd78DG+kYGLJfmY2pRiGjvExWq5o2F0j3L+fxZa0cvJcrcvBeFnPwEs6N"
    "7ge37L6FKllGb7JOefHlA4GZSl0ynj5xmwEBbF3PV1xufqDlSHfmPFtHAuXOHVVdmmb1wt"
    "uvNM1sWkgh1apJbkgxT8vg3VdOtzw/D7uaRgS+AsslDO4o3BuEQUO8KEFeRW/TMWjo3GwP"
    "sMyEa6TAxBQG6y3iiYgrSuR0ZUf3czKFX3RGKBmHdOEQ7k4wp1TigYNQx8oujdPISN9Hvw"
    "3cA2SLjhwM2IiUz+XU9Zi42+G5egeYc5YlBhsGb4pN6lx/wfCVYeSrmM5VBAxqBWKy5vCm"
    "5E7L0zpDujOndeqMSCQVC7C2arUjO3qtgzyRY2u1uoze5I09o1Y3lv2TQ4dIKyAebkBROd"
    "aqVzsxWGNXCm0uzfpF5N+Ddd//xs80pCBaP4rkloUuEwmJxizXqQtB0SW6d4nuhhfXd30n"
    "ur4TXd+JLSWldH0nTOo7kTnSmx0ElbcwWTiGHwpdy4Nqgeyma7PEEDap5UHBkuitNq3qtD"
    "7Qbaom7Q/eaSZIdQsCLADvx0XZcXc8VZFtZcD4D8tbH2zmMTd+nEqyoj+C0HtgGrI3QqYB"
    "gqUQh5XCJLNV8KlYPHHj9zX7rKwvAmndFkH1aziXFqRwTDgBHE+RRIBNOxpYSRzwMO1rQD"
    "JtDbLNFeDOSXeF+MI6OhlYqqKk62hg0Bm2K5bmY59iXUeDtejYXUcDUyXTdTR4dBHo7YMU"
    "qHAMbeZGZEp5e4SztScld7WkW6klfWK1jKZtOsZZe9csnD0QRpND6lp6UTK6Bv66FsvSEa"
    "zA9AJx8TMJpP8MTC3GRYgKTA94F7H2wlICJvjmleGtr+vWEnssidNjSAxTciQA2YIrBC31"
    "lqKG4QXL88S0QmQw5fhT7dyE+0/5v7vImfnK867YM09GIKkAcNmiI72kYKyS9xma7Z1nrx"
    "seZvrutIQbw1Yim4qkdSuPY7jEm2QTVU2n2WKV3pR648Fi3mvIekVmEfEHNqFBdQIkUJfj"
    "G1aU5eE0mIMViMpOE0GUkG5RHidNJaGO4bgtyoz+qhQ8jCA7zHZnYPpLabQKHp/Ww3Rfge"
    "heIZs2i6SEdIuySV7vJrFkxF0FifiYdMzrOlI2ad10UbNqvndRsw3YUT9iDveVSOHuldhQ"
    "+uWV9pPIBR/wdGQN2ymTPy7wiQVUHnUxS1wkeg9jQIAjMfZIzmR4aGELKli7UZDJQS6zot"
    "b/ELSnvjIbb+SkwHEiwlWGcibaC4obgf3EqD3NBMYyxh0/RzhkzrzxswQJAW7JZnPZkFwU"
    "eGI8S3uO9IFlUC0Q3RnBndUUqefh8258DrIlffQuDFMv7DCFZpawz0vZwhvmay94FMxE6j"
    "5MhglEa4/azEmnfyjwoW2U6TADIq0Zr8piJVzm/EvXHf4SKQR4QTw6wW0YNdvaUTUdpFO9"
    "dg+iNWd9z1oJ1b9L4I31y5392tmvxp+PHcLu2pm/Wwi7jxiS2yJ+k3b2IQSKdlqiFbUTsb"
    "pES6odrEsoTA4WtcQ5eH5aB+3ytBru8rSs0VAzQImUwmQG93RNCTRLoVupnCWhSxlgwTos"
    "om7Jy10NvJJS7ATmigiBUGxkSwVCGZiBKA6FLyHtCjcyH36lwx5oIwrDXQuyMtUQ38LXhc"
    "euWPQPhW1a4l7IjbBWeRjKsFIf9jJc+owoAtmrWjNM8Y64g56T+WIEu8wUVq4ay0VeqCxc"
    "Z44Lb27Rt7C+W6NHYYgl7sxP+yzFt8Bt/o56rnDvkb7MZeAIYp/JFxhnq7FjbOrEQL8D5n"
    "mBuj1oa3E0V15LfgjuaShG4awQyU8BmuAW4dILIpfojd/XTCiLaA84xJJ9FVIGuw3RiTFb"
    "DbQ0gVQHn9DDAT/WyT26tuUfy7/MaNcm0iXVmqT9dka8cSJJRdAcuLrDq14dZN4RGFgnpO"
    "OoYdSspZW3/jCyvtcXN46He8omlO0ay27L5YFntUTKkdO2CGhGTNzquw2LdXaclepLE8NP"
    "I9kFy28d5kNnyXVB48y49ihyXarAvkm9KlUg4+OPzckWcs/T7gza2JNx3GQhxSK3HcR9lr"
    "KTsmlSNsQ995E5Exa+mzL7VqTu9UocdIUx1ioXnSdGD+zs8Ad9dNdTlhSrY/iu4E2T97WS"
    "GnfMROmrVuJJCfnY9bG8e4BAelxUkhc8dpt60I0vXWXwO30uQ0kSeWw4dB3y57+QGGBEG4"
    "CpN8IZp7pRigLz/jDP8KvFbHh446NbDlNm6EJ6DAn+FDnbQtN35akTN8RW6mL5qoIOdLzZ"
    "rucKmHsC7ym/8ZFKlpims+MqWTua4gzheZ8EvN84CEXLLvkg6cPEl7ErAzHf3bMrHrgnI5"
    "AihFF2e2gmi+p7mOygSxGm9L1Tbr81g9mPg27kj6iHp0CJlKodHlmqXfB59BA7U8WW1KGY"
    "OSVE0HsUBrcKJEacSCr+VbN0ddveks5url5L+2U3G6png0pXR9XGYc207QFXJLWi4tQWqE"
    "gH2PVQbEqkj5niKn8uBpQ6RP0Ua5dES2YJLyVAdpOnHvDMllAeJ9/kw+rEjJOG0moiXXDY"
    "pHN1V1TTx96eH0XV2c/m7W1zVeukqjZozK52oybcTUlM5q9q/MKP5Cl1dCGn/XeFedO40L"
    "UOSvJpNUryaQElWeZRtWm4nqc0eW/pXf38KdbfUaNC5JAD1S6wg5ZZpa99kdyq1tTiAXV0"
    "tLk2tpZy5rGJcE76hPlReI+gmFgDgNV8stVjoBQluazOk5HCiTkRChUWLv7GwqBcI1vrEz"
    "CB8XqaDEaXZH+oPgytTLnh4ZnMjFbVhmpQtgQxWPo8zqG+8dMOM/HYsvJFcYmFeEX6QOcs"
    "fBbfUIHnYeIl/qa/fb38+Qt5+/9EbiSeVkMSsjmjahrxz5RaKNxK6ayc+Ez0LyK/gi5a0+"
    "f5QBFiQTHFt6fgwslsOaV5jyW30R4kSHK37YoaO5XXfO3rcVTeTi17LLVs/2sY4XDDEGMQ"
    "Zo6sbCiSaK+TsYuksws3Zxc+DeNEKpxnaJm4ohQEA9Ix3sYOLIHvitftVJzOwAO7YC2Wyq"
    "UolB+DkMF793d2LwTzAZsGgHJfIoGMuXedveeOieWP+PWLv03Pu5AuExug5K2EP4ALTKZ9"
    "f31/df31wztg/2Oa5rooKs3znLweNNFz70w9Mz0O58Y29HJ6T2ZgYd6n+L3wGTNn+kOEe0"
    "ZQIT3EYRGbLrBgeHSvYIgQZWdYbrFv6mESHxYMYA+bPGHakoj2IljQ0HXYbB5EWEmIfUmF"
    "tQ18WjJs0qzGItYQojtiilLoRkxAFE1h4udpVeNgSvl0SCLmoRkeP0y0daTEccdiMpH8ZX"
    "B1wREwCKcBD60d5MlN9mE8oIQJnTHcGcPmb+KPo+TsJax9zgzWDgtzTOH9NLB6H64uyYvT"
    "k9dg/jpM2MFfrq+kT7h1j4E1m1/pudCA+xkioyWgYQVi8f6IRvaUeC7oCa5zdFRQPmpVdx"
    "7XQaKFUdX1nccFLNr8ed5AGCWkJoukpdfhtBbXT1dw/bTIdV1ja8LyPN0e8nv9vXpnbBY0"
    "YXI8fos14r2tsPZlrVf55YpX+WXJq9wVxu5ZqmdVYWyD1AEd61wmRJRYForyx79/ZR6tgI"
    "arygbYsTehyjX0xyYdOZeLaBR8e3/HysvO9MvWKudNIAaKHgc1i83Qk6ISHQSV0Dwz0Ela"
    "g1Ki9gHUUmXPVGweKo0HqTHNEdQ4KMBNbugxN/6YumCzHFpJU564fAzdNXoNBVVpEbJNvR"
    "uhzyUIIy5yI6ivZsW+uRzBpMayxEyUgrmyyaqixKozMdNI1J39lXnunfD+UJgaw8oNrJI7"
    "y/42hzmLuefa8KP4jY/+JvE4zNewxMjhcMlG0yC4fSbK4KawGVV3VC24cVKsFJ99iwYKIr"
    "sKyLnLdejcO7uwET+OeydemE20UJ1mPZroJtYC6CqTAdizcm9K9xu127Qxc1/UUVJfVOuo"
    "LwoqquBbA9bH4022rjQHw5E62eLT7AhPswGeZi0dDeuXAEzMC2ijOj6NZCeK+PD9HwUOto"
    "T3I2AWzhbOYbBc4CSdzS2B1PhHPXF04EbGHBg7YrNV4mBknN1Sh2vSCE8n2Z4CcNxw7TlS"
    "YXaZAGMIUcsHBXxMmyHUrw2YMK8wN1xTJeS7s7B6CJIBzD4jzoLJ4HOE2Ol9SmyPujMyX/"
    "Apw8xzsGlq9mPbpzXoxLZdixcjT9uhDpksaURcGLAwLMsurNY9s1StNNAt9gkRqBLSXRI3"
    "0TqIk1faaJ4b8VDvCE6s2jgbhgJ60o13lcz4cTBjDSkr+yIMoLcYbO2VuDz1y9Yql6c0pA"
    "ajZOSDLs/3ApyK3sFawJvke8Ut/BgTS/oesdvRWCvDTwlHbByEjAxt2FvG4yHpp+3AXZFG"
    "GcW1hqgnYAWWGziHVsE5+tgTuvF9FkWqe19cIwavYCCcrVzi8Qfw0ucg8xe+x7j0q8qgOV"
    "xwXG5T0WevL5QJlPrhQ3D5Kh1PzNoiyZMaYOfjaSsncePHrmXhA5Y3hZ12CVqmRCrDJu8h"
    "l05mzKtzsYGgBDebsCglFbdrDqkgnyjWYPxDHk69U9tY55jtHLPG29ldfc3TSv9KN7RG7q"
    "aEaocs4uQoBbON/FkdHgqVsv/z9bsnaAXviEq+060bUkWheLisatyQodte24b4/G/atkHp"
    "i4mKaJFERfzudbXG1g0z13dni1mbcsMCqckHfjzbOLMCbCzPlZkMicMATJH5IkpSfkxVDr"
    "D0BrsOKqO87k6VI9viduWD+dbUfaDNVnZDUwIzI24Yh5dGjRKTs1RGa2p07mL5lcgRP+D2"
    "lDkggwPU2A5szz0wQwrwSoRY89ZQDDkyg32ZLc/szb3vXSB235NpS9dXc7HnSLuIkMlWD/"
    "uG2aGt5Jwj7eRsspxtL+DtNnGdsJOxyTJO7M02cfwcbSdp0yTdqtRFxLVKTPsGdS5agPKj"
    "6++imvYolS55tq0O/cacrRf+HXjx8FplLyrSeYA4lhggJVSG/BBKhArQTlFm0gcLD7FFXP"
    "EV7Aahq7f+CckUfvhhOUbJeh8h4rCTMOBcOpgSsE/EHo1RbZMnIngIptlphTUce6QveBJH"
    "5hj7HQq/Ai4DdVPR+4h+I/H3CH2K6KND+A3xGDF9Gfj1bwUKCr/FZhgB5tTKfkw3vriW1I"
    "HjqOHw7e9SVK7zx7Pf4X/DIelzxshQZEKnMCyHRwTeA7iAL4cIg8dgqjSEW9vBXLmqpFpN"
    "vSTGLKp+4DZkjE1i4aFirqJblNLAq2O68dzEstfwQh8K3+p0XX1NF8bdhe3/cTy1jwho2Q"
    "kAv9nPOHpLt+CaI+W7ESttkymu8IEyGhoqZ4+dzJiFqaG8DOFwFUZNTGGwx7uHmmFOJ7SE"
    "RmipfF4LlKxoEfrtQkEbSeTVtNRm+3yO0OSNvrdS7VaF6EleqqnnQVb7byasIq25hUd5i0"
    "aEuJW9aKpsEoOrmVgyZEavILHaybNEMGc5wxKNSeP6smTRoWLbelCBkV8ppTJSo4Wl+xHQ"
    "IE+8CESlj7stV9Xaqvnm6DEYiE8NtIAslcGaQEsldyOwaJJpLTpDFAg7htdiuKoBaRHDyF"
    "LuTAQD9F7E84nIiNnoA0RPaazxSmSgJjrvroc59FdB9zbW1woyvk2DzxkD/SeFGFNOFkVB"
    "NEbVz9W77ZgoqkJJVg5PX38HjULSl+z/JBNie5VBqXiAVSMkNdPGPhiPukjAwg5EkEbPy8"
    "00Ae4LxR4L6RC7LCkTOTzHPmyIOz9j1Fc1c0rKOQlu8lk3fv/l8dHxcawK2osQwznYPW5G"
    "f43vJcpbbMqnFjmR99QKXg4bVtx1nYuN2SatLvRinkg6z/82PP9PpWbE8Fd8MXdaJmVnKb"
    "ukbIMNoiRHyRgUiytVDVKtOCYj6miOXB/8oOr4C5rJw5BhByEVpyORa98OiaiJ5HHOUQY0"
    "4iyu8mIIcztG+NvwXgFCWEp7KyiOG3tS2tT4gAscPvIb0B+RL2IUapgUmyEhqoSCuBBZT4"
    "pNErUXs4FCBLaA+8v5rEr0qaVK/qs3DhnQggLbpfR0euUO7PGdXrlnemW6ATXgb4bIZB6X"
    "55X8qE+/Kf/f1OD/m0r+v8nz36ElnL+aUc+r3FgUickbSm/J2C3Mkxw/e0X6+MG7P0QHD3"
    "4HZ/Qs8KMpOXl2+ob0xd9wuVFE7/np61fJnoMfVu0yV58uPn4sCa12BZZ7psvXKbDsLLh9"
    "k/pOWHDXLJxJ9pWab/JyHdstSkY28/kr/zvGarEHT7WLnZM+XNKwIEpKT9Z654c7kHSmUW"
    "caPbh5PhmBPDFUGlGfBTojlZg0rh+7ho6033H09eeP76/a6PPrB+7oNIxOw9iuhiHi2l8Z"
    "9mBVEimqGfkxq3UNMXoQZoc/qHDIh8BKjTF++Rybnin/rKYy2FNm36LSEMh0gCB0WKj6Bo"
    "HpyyKyREInWPpkVDDTN/WcG38of/iQ9GWjajIcFlgxHFpazelw+OWrLDM9PCKfhW9YNnJz"
    "znDHYuOF9EoLJ7R4PJm4d4yrZASCbwD2jhvGAuJRELIhKlDcIozaU7iNz5ZETQiz/+9loW"
    "6u525arDsN5gf8LMUZRlApzKdVHWMVJjtcBwJU1OgEFuh5Mv7GRwLcXEmACllCh8MFLLJz"
    "RIYj6mHC0QD94GmhsOJq6E6m8By8JPvfYTc8j95j1zt8Nk/TsCV6tA10al4NvOr5rsMPlt"
    "Fmi/ywkLakf52QElYKdz75TvHcgTO1K7N9kgJI0JsbMD+hMZnxqJm5ERySZ/EhGdFb5icN"
    "hNQh08hfvGXhpEdIA7MsQ2R0VCXVMqRGJSsUpawE3si42KG3VslurbqGkxV1DSfFuoa8kt"
    "BAIiWkJsvFpGqSjHrYbJcqkBq9WSmNV01a13zFqsiaUKbuV10orFogu+myqAqFtUIzC6VV"
    "+r2AZrqFu4NvwuPAmWWYtsKxk3C1hlcnHVvXpSP9r8leRuaLSLouVB1GvAsym2LbpFhBUA"
    "4QbNaEij/c5rA08W8jT4n9LX3ddaJ7dAQbzqT3puDTSacxiN0712I/l0sBHnLjZyYrEwMR"
    "siEKyEzmEFKsL4x9PdVujcyzWjk2snfo/Bad38L47bTzWzxNATwhv0X5+WWyIfB0jGXNiW"
    "GptpGiPWVjg62zpbdnSyeKq6nrpzOkqwWyX4Z0Fhgwp7/XX6AFUpMXqIGqxQrkjOxOnhVJ"
    "c/iMkvyJHRNKXQyNwitpFpCGEMSVSjbtVXpEkhFWDZcI1wc3zKuVqp46ugpJsIi8Dn8O2b"
    "e5G94PRLEDHx6q5FhFLF0HYgh7KNl23Y/DVJJfMNcjR0P+Qj5b+WJMSfMszpLx6JwznkDN"
    "e2ws+n+LrBU5wxsfzjXHjchnTPFgvkNDWfzB1bnuSuR0OQqRRgMPuB2pL1R2SD9uMW6pL2"
    "AyXe6w8XuztTOukCcjkEwDqnS1F0WwugStQNxKDFuCeUOSs7K9r5EhsY6Ksy4zeN+sA8Mz"
    "gy9Y6NrTMiVJXVmpHNF0zEM6UbWc13xCP5Xj+Tsha6sPXoTULTWJqj17GonJHr226S8vX9"
    "Zx2b18We2yw2uFNrlNOKyG7yF3N5LSpRLSixz+n6vLzxXutZQkf3q6dkT+SzyX76KnZQVz"
    "kRmZIzLmaf/TxT/z7H738fJt/uzDG7wt87Fs8zD74/8DKiMFgw=="
)
