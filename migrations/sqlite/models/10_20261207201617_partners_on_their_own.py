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
        DROP TABLE IF EXISTS "partner_program";
        DROP TABLE IF EXISTS "partner_session";
        DROP TABLE IF EXISTS "one_time_code";
        DROP TABLE IF EXISTS "partner_application";"""


MODELS_STATE = (
    "eJztfX1z27jV71fB6J/Icxmv7bxt7fbOOGm2m6dJnIm9be9TdySIhCSuKVIlKCvqdr/7PQ"
    "cASfBNJhlJhmTO7GwsEYeEziGA8/o7v/VmgcM8fnw5d//KVr1z8lvPpzMGf+SuWKRH5/P0"
    "e/wioiNPDKVzd3CnBo14FFI7gq/H1OMMvnIYt0N3HrmBj4MvyYyF9pT60TNOLr98IEB5QQ"
    "LfWxE34uT658vnZ69eE5cTHgUhcywSTRkOwsvMG4sr02DpA43NjvGhTmDDU11/sqX7L3z3"
    "3ws2iIIJg7EhPOWf/4KvXd9h3xiPP87vBmOXeU6Gi66DNxDfD6LVXHz31p188KOfxFic/W"
    "hgB95i5qfj56toGvgJgetH+O2E+SykEcMnROECeesvPE9JIWa3nGw6RM5So3HYmC48lBBS"
    "ywmk3/UGg89XN4Pr9zeDQa8gvZhCY7j6yg58lDxMlQsGTHAKz/9wdvbixZuzkxevf3z18s"
    "2bVz+e/AhjxXyLl978LieTckveSvDsw18+fL7BCQXwesnXDr/4XdDQiEoqIQztHVZvwqCp"
    "GHKED8sj5v46gcRfHL5EUgmEAVwpsP7dlIbljI/H5zgOP2QzHE83pV2wfEa/DTzmT6IpfD"
    "x9vYabf7v8+u7ny6/909dHWZZ+VlfOxKUsc2HTGkwpnzZhsE6zGSY/7j6TYfHrlzVY/Ppl"
    "JYvxUpbF85CN3W9NGJxSmPwOw88JeURgk8PTmoUcjsGAhMwOJr7LGaFEHeiP/5YDZ5jXRA"
    "IJwe4E0OvtZgs5OanD3ZOTavbitSx/7ZAhNwY0KjL5z3AlcmesnNFZyhy3HUV6HP9hzstf"
    "n/vwA50rUB3VrraG+TcfPr2/vrn89AUfN+P8357g3+XNe7xyJr5d5b7t55dBchPy9w83Px"
    "P8SP736vN7wd6AR5NQPDEdd/O/PZwTXUTBwA+WA+poG3D8bcy17MHM7oO7VlLPUm5A6mq6"
    "pgh9T4Qc86QgZbRFxneaPoxfjKh9t6ShMyhcCc6CqrHFS7OzWf4b6tOJEBJyE+cZG44Lx4"
    "3e+1FYblamV621piWOG7Bk4IPm5ZXP8FTzJ3iGzeFgC3wyow4jfUrChccIZ5GFl2gYwVuJ"
    "f45oZE/xD7gUwZthydPv+Pj46Jwsp4EF/2O+VbA0t/eoW385pUjrO8I65YvRr8xGg5ZHsI"
    "7IiI3BdBWX6TjCWy9DN4qYT1xfEMhpwXi0Y4FjPgemAYdqmrP/zBtAgW0vwlAuehhbuK4m"
    "KLcB7TNc/VdnG3e2sfEH/aMYx/qqangI50gPUPfa92NYFzRsvkE4uANONrFjslRGW5PKA2"
    "zh+TQekyAkfMUjNjPDgpSMLNvnHmJ+6RZnFuvxuFdubuIqb7aUArXtYOFH8C3oF20ksXl3"
    "iuRqU6dglurwrPptvPA4o2YsVhRGv+yoFpMl5cQJfLgZO54cx+r1MV/wOZN75eO/6HmFuK"
    "4c8nTmS8NNBUKiICuTNrJ4cVZDFi/OKmWBl8pl0ewAyFKZLAdjnOXSLC0y+X+urz6XMzml"
    "yGuwrh2R/xLP5XXMid14kHqaKa5M8AtxG2G0xwtBOUXrvfprJIBMy+i3Mef7ny7/kRfKu4"
    "9Xb/OKK97gbf5gQG9BEwElBPsmHzHxEvGEbBbcmyQeQ9x1n5RV3ytx1iXXrHWuupk+qkYa"
    "yChE/1W48H0QQeomI/MwmIR0diHSNVwH8zFQsBHzqW+vhJ4bjAm7ZyH8gQ4sEgbLsjyQzT"
    "+gSwQx2rNS7ewS/zY4/OPxB3jsn9WKIZ6tiSGelcQQ0RkFi6cJj3Uak/nc+3B9RV6enb4h"
    "Nmx66dZgUz4ldIYmdis9t46aW63l5iWAXr7/gA7eRAI6zQ6t6kvu0h+uMUIxpe5uTOwteD"
    "I8L1gyZ+AEM3gmb6RTFUm/S7tqJ4U/jhe+MPrJaOF6EUzkGJ/3fxsKpDcFnQYzJmnIYML+"
    "HSczuiLzAAQB9qA5epYuvCUbTYPgbsAZaOslvvfqJVOkNHrruo5ABQLdkPxdzhsEJSZO+s"
    "sp/DXAwGMrH+02ElFoBFMYLXDugyUwIlgOHLoqWVqVStOaO+wuTPXiZLuq1Nnpyzcvf3zx"
    "+mWiQSXfrFOciuEnnVtCn2/kMCwj3uEh4lEeDWzPte/21Uk7gt8Hz2/6jufJWr3YOzLI7Q"
    "WPArALiZq0vAn5EyhRY4ucwB/oRLnHBIbP8CH+SY+wFPBIHmD6/yBkYxaGtGQxvA0Cj1F/"
    "zaFevENOOiO4xbaWRPLNboOxb6+uPmYO6LcfcubZ518+vX0Pi0OsDRjkRhXx8PhwXYSNtq"
    "IcWatNaEcLYjlloCZ9ZR6oSF+urm+48EFwd+IzB80KYLf0WcHd0aGOStUdm7cyMMBMq2np"
    "rTX1Csf0OKQLZ4Bzpl4jvbdAuA8+xTnsXmLiRE78XO5dY49OMMw9DTxH5GGhHKMp6Jz4DS"
    "f9eBM4FsRHsVTVc2tuc7vWi+ewGbvBgg/aK8hrbmHywhSuY6kaq+Q6/AaVDBIGEcVhFwQO"
    "Khf4wAmY/K4nnYZgQgMF7P3GqNGJBOTvGdxTz3UGYspFQa7PMnrgVnuT+9tjsEKDsZBYLM"
    "5nnEyAoQwzN93g+wMCe5eU1OX9V6/Sw8r7NyTEdOWzG3gf3sGnXkmUSb9srQs0gWI0wBdr"
    "YMdDa0SbXj933IkbSR8uZ8I5hTGhKapZcJBTn7AZhV29r9Km+A+chfeuzX5AEn48Xx2dYx"
    "BxHgb3TEaMZM53SeRpew+79aV+EWHqBUgdXgx+TPBVxZv+/OnyXbzPiWe7XKiPpL90o6lM"
    "DYPnsPBZ4ghC3WXIqRcNj45v4fZ/wy1eHXBD9m3uwhNgoQ8JHDVk5vqLiIGKSonPlqAZiY"
    "fAcSlvDfIk80UIb6zMTYdfErm+2G0J7MCo7N7CR1FYfWQJOvg0gxecvIKXF0/W/pBGEZvN"
    "Iz48kvnvOBi+XnCx4cAs6wXiCinqamJqV4jnhR+7JHVj43ZdkvqjJ6lr66a2DZCSGO0dR4"
    "tu4Pq4I8/pisGBIspmWmnyG3cP5japurzPkRnNfzix3h+fvn6pHYwEQ2Phc5tydIjgGdnK"
    "9fGqTrwPRlU7Pl4VS8Fl+kjjrShLZ7K7djkVJ7fUKlD9APWhH3ujRoGzesbrRoseZatCNa"
    "bJWonHm7xIWoYrNp9Fi6peY7SJDNEBsnkLeQVK/W0W9UxIdqfoNIxy9qR+j/WxskYldCdT"
    "NAXASPFtb+HUzcncdOgntXGaukGylAfoBtkTt0ctb5eyH5vKWCPbH29nfGRHWAIG5j+oUi"
    "tWM4Z0SDLvPJwHK2ZDXJpfpG5/DfqyFEDBq5kbYa1zbMaWAtcG10qkD5achcJ+ms+1RHcV"
    "V0YL1y9xNeYel3odpYuRljg2t/WoWx9z9YMZiYI75qMLczl17amEbURtQYNtRIfmMbmawz"
    "gY5DEyZLCGhHMQL4sME3Qcyjjera97MS+IGEtGKzFjrAsIFpFFboUvAP/G+VO4g8Nw4vwW"
    "mKDcm+o3oOtUVBry78DTyNqE8fw7N2TnhjT/6HgkN+TjeV86AeA3Ymdu7ADIUnWAkw/a//"
    "LcaebxjSnMRUYQ+TUL1BxAj/JF0XiqMWBsspWXdxuVTPcubcJ8Ndxk15ZwwiEmWeCz5yJf"
    "Cb84QrUG6zVIH2WjYWbjl+2KAjYeA+kMuErW77sBl0V45RGYBnBQNBd0nnZ/RN3DlFGZYc"
    "jgOTwSELy4GcKe+CrOtXh6XpvOIfs0xBwbvU2FrNHtm0s2mLNCuthhStoQ/9xXEPxHd+ZG"
    "X9l4wbHsoMRFVxxkrfPS4cs08HA8VvqkBA966r7KbZ4TSvAeRNyDiHuAItx/efaHIwvT/B"
    "JlzCK/3LzDqijhzxLDL3SkV4EmWzwitvagW3+0UsXv8zCwMUmgT32ymINiL7IR0Z+Gp5rw"
    "/h0dE839QU4wIpF8I7BY7uCNqXShFXxmMD38R3JeiPBfHfiGOZ6CzntmnEg0rwItgebAc7"
    "bCpUDLUDkyx+sesn4NF/GczLedSPeZAufW9J7IUJnsFjAmsUidS822Bo3I2JQXA/cEQ9Sy"
    "a3fif/Bv0DdcppDpl9eqYiqBdxAlQ2uESxM3GFI/B+1GesFENUISzxQfMjC6RxdpNFI87x"
    "kvRCVLIqZbfNq6co20duKcJLUTorUdVjiCngc6mu+4yBXqkV++4AZoER6QaBnc+nBNojNF"
    "6LQFfY76mE0yCqIp4QvbZszZQOSzi3Z2+pr5p18XbDvcYNvBp/Qb/pqLI2+gjrzGUiij7m"
    "TRVhad271SIPvujO3yoIXjs8uB7kLoHcpDb9u2PZ7Kl/JQ7pUZ9/p1a611r5/vda171YdP"
    "gSCk4YZpICxwLjrkBdL+5YHHRMA9BWQQLfXALud8GYQO6dNwEvhnBHXqozLzftuPqxMYkW"
    "WyXTDEILWqM66NE4mm6cZl5XXt6oTAZH9+T6ucvyDyYXE2kb431VOBdlJPL3e9xm6OAqHR"
    "YpFbOnZmE1s/hsfnNAQeYNf1VsLYRtpr05Zsu2/GtjM303basd2XsHc9oGxCtEMM2fg8bv"
    "B+i5ucxyECUUbl+hci1YnE5V6kdl+2dZv75oBmO6Ooei10RtEWjCIFv/+V2QxE0isxi3Ij"
    "1hpGMbRqqA2uYRrxaTCXIMOEeijmFRgavuMx5xwzxdgcUYnBkhnG93cdETKkPgfNgjkkBZ"
    "GLAvwMooF3r8ws2uaj6phE6W07u8gkJbyzi4wTSRF+vVmfzCzVAeqDW9G3EU2rseGTITpA"
    "Tm+hDW9EowVPgGKzjF4XWNSpDmlL2RhsEhzIc3hCo26vOs3uO149ToBwKzj9QvG7b2XA5E"
    "g7C6azYGpZMO9Eq6USw+Vd3IOp2l5J2jQ9bKVc+Yzcu9yNsJlGsJhMMTEy6S13gSmIPOmK"
    "QvrYhgOme0RGi4j4WJpC4sZUKkUxY5hs/O4tEiDF84M4dyiwRaKlRH+xSGH0Q9fdeaIQPD"
    "Q0m7SUGd3IJqrWTzapAm7DJBIoBCE235Gdw4hbF3MwqxDWSYE/q06BP1Mp8J0x1ERz2bEx"
    "hBtCY/ZrRB3rW7O+g/p57LRMmzVrJJwQHKBRuvlwUFYDqMvjLNUBMvplHTfLy2ovy8uCk0"
    "VTjmqrMPPOwdLEwYKYTgOB6dSEy1kqc2GrWrL51WkdDRFGVTJaXCuUSTJQ2MMmfNZpDo7L"
    "pydndV5nHLamfd5Z4ZV2+QDswBLVY120PiXqOr42CMTrVmiB4esdWTnSA3Rk7YnjqjIN3R"
    "TPlWpC/Vb2oO6V+bByQ6y13iw1eDDSRtcIvyfNsHlEVzyNcCdFwCKH2A3J2A15pHmaSBA6"
    "cF2CHUdTV6KG8bK4+1aeUSfgnjAFjpwu5G6SWdd5mYwTiZaIpi+bBopdnu4AbZWthN0719"
    "Ijv/CjYOG30fZ0uk7VM07VM7SQeKd1ptht4l7a2ocvcEN0+yvUWnslGr28sFaPxxzVQZCM"
    "e1iD95WSHLJ5EEayi0gOOxvvaaVqd6xfYwNkh9kuJsOLmj+sAgkZ5aqDSFaL395zalUTfo"
    "tY6FOvLHe2cXh6Tcy5ZHTWiCgbgFHbDjrosY/zzqQwTiT68Zuu3wYWRY6sMyjqGRSPasCZ"
    "hluzC3YjKp1dAma6jtUpzQG+1i9qcPlFNRxngcOwC/usUXm0RnKA/P2xBn9/rOTvj8WMdD"
    "ATGu7NOs3hbRSntTaK0zUbxWlxo+gCSwdsfGbW02IUBRHoLTPXD0qC42sB5Aq0JuudMN0Z"
    "BnA812dkEgacEzoTbTbruRweCXnc5RKfr4V8irRGy0dY7c89ds88Ek/dInzuuREJMHkcJW"
    "e0sFqvpP1aRnLVk+eJlEyWiSxGa6YuxBQ7zPlRwAi93agMG8/JPHgk2J4W61eTtsRtyHLK"
    "fOIHMoHX1FWgeTibLIUcmcnmSS9ciNQLGgkXrsMc0Xl6OV01Ec6WezUkDtgGMtBpDs962V"
    "Qx0CNXnpjG46dQ92Aaz7d8xLp8ILLO0phbs/zaHLHZebaJg/cZr8i1q7eh7yYNFx4aMbCz"
    "mlZL5OmMPl8j5nk8RR8ah8FM4rKO4YBqBYu4+XKKRysN2pESisFqNVviOhLgCaGiOGsHTL"
    "m9lhDlkCHrQCmzdKZLQTQFB64j2pZFKCc401bl0FvQMoPZ3GMtAfpytHuTRfQkvbc29W3m"
    "tRN0lrSTs9Fy7gA3O7ianScGfnR91qtKDhQXrXUJgkJNH3jxuFrYNSI4E4wR4V+QX5Chz1"
    "QAQyBcYkaeDN542D8ZP0oEGtVCQKb+xY7pcgibbTykNDVQckCqlfhQkHRX3GOS76LLxDNO"
    "JFoOgrZ66vNfp9oW8w91OWScqGK3KrB+nQc1pjikd35jgI/8btHINSqHm+wRMilfyQZuTI"
    "KwWWKjRnOA6A5b4PK/F3CwuVEJl9ftyDrVIW0NO96S4ddHg3no2qxNhkkZdSeM1sIQ1kEb"
    "OeQIOxF0mXH7LojEdm4mgwxZx/5G7DfES/RFBm16JT6i+JK1zkM01wY96B66DmYs8JnsDY"
    "neGJ6v6sQkDi7rNrFsE38fc7CuWAbKqCdJVmSEYiz6hrbyhFroLxj0KivYVK0pyypDp5jU"
    "9GCBacjscOFG0iJ+uGa0c0Z1zqhuly1P8WgWz/6uOPauUjpU/JrQiFASuZ6HGZP2lNl3wa"
    "JVPsHms55AU8N0k4H43ID/eTqT5dA2dXIbFaJ3rt8odyYev8tUeXVk7caRsnlYXTABF/Mm"
    "PE4IDE6KMYa7e1LvkbYn3cdc1Ixa2UgjyVManG0dmyfCHojn7Uh0RzQT+rJUTWZmmaq3SC"
    "NlMBdQxsy3m3UpLiPe5U6v8mL3rkr9CcBa9DRcVLCMg6Wfoqcm7wvpc+aNn0scberVXSnb"
    "V3N23MPe6DN4O93pp0GzWpCEwGAG994fn75+eSF2//TVRxgx18+4itq957Ve8zVveaESKr"
    "Cp10gIKcUOd/n/TAc/U5833OjF/uNRf7KgE2Q85/AvJ1GAgpiJLmSu30YOGz4K5nTFWGPz"
    "NUtl8JIwyXaVTKN2UpPejNsaYcfwenBSXVpyl5b8CAGny/ncc22qZFIVe9JHWTXCUAOaI6"
    "jRlGDOQh74oARotOoM0uNG8zCYhHR2Lr7vz5lofHCUtBVwIzKjDjxANBcoxKW285hbHw7d"
    "JdzYkhio8IawGfMjcg/fiftjIAs2RTZHsxeDXgh1YIm/cg+OQVNrR7w03IcHY1ipf6ZDLu"
    "1CVHux+Xd9H7fuc5CblrYd4taWbHoEFDnXw+thcM8co110e+KxVpzdV5e1OuyKbMYG8eVs"
    "1kjyGqprR+S/xHO5SavjN7g7F2vBdc6JnP3v9d78NdxG/mQ005jL/U+X/8gL4N3Hq7d5lR"
    "Nv8DYvjVjbGChtoyiXyv2qlNb4bauoXyWqVf9EaGwhI0vKBVpRs/1qYzUKKWfjubUw7Spv"
    "0pUYm1xi7PrjYBAysYU0OYvydAa7TnpLRAfTTRdC+R3iN7hYDLpCN+6kjcvw9KRutcXaco"
    "uCf0WpN7CU/CBq5D8sUposF02VE+akPLrQwHXbpSFtSR6yFUizCGpMYTL/ESTPjcTpE7Jf"
    "mS0OpYxQCGcMC6FbRfC2JQ6F89fijMpSdgeTyQdT52R+EmJezJ2WYs5SdmI2TsxmBQ++SC"
    "d5rzpwEI+w6gQN5trgBwMGPwdLQlPtM6J3cKqqO8Hx6pN+nCrzA2fhvWuzHzQXFz+er47O"
    "4Yi+d9kSU7WVe6sQMNjOY259lOwMxtjU81YWdju2pwSED+8HhydgzB0tAVdgoum+OswS5i"
    "QYj0W6eZ9RoBPd1xBaBZYd82BWt/4ogK/imD4/svJhBkwyin0cPA1ExE9JTey+srGZ8IPA"
    "xBM9RtqkMoFPDTo6Jp8DEgZLGTdRy5eT/jDDlD+//+nyl483gy9fr/7y9fLT8Kgq2NEBvJ"
    "jjZd2XgMWTEYhuTOH+0syYiil26PaG42RBvd14vTedhRr4ERxHg3hPbsLrMtpdBhvibMC9"
    "Y7o46ppEGRKCvYgx/PM3rGyziEraswjzf/+XPDjlIU99zWtgT4MANQMECzYzEJGoE01Eli"
    "HaE7G5TkZoVqKpofiEG5TInA+SS4MxT2Z7HDw6aSi3E+B5kCq2F0Sozqh/TAQaIerPEfsW"
    "oRbOyekjh40aBVd1or1YQ7/pe955NmnqmRKDAIh0OdFeLvPWT+dqqV4a+5m2WeJ6EbM3xP"
    "PylY0Xftb4zV6x1nlawnRMLQxZOZ6we/QEaDCvWIwE65J6hHpesGTO0YXYP+fYdc5VJR3S"
    "izGU80KM2yEvB5HdylPqpE7qAJfrms13fofO72D8dtsByz6J5aAVXmo7VoH9a8ovs2Qmo3"
    "n04q4sz3h8SLitGoNspWRHtrxtg9eWp+w2oNaLoOsXZUi3oq7N+QGHnbskknprbD9NXsMr"
    "FVPTrldp9j7cQkXqDw16qNyocLiwSGP1QzTFBQIPw94i8i0tVbztOUFkaNRUokXoqzo/n0"
    "VEHvfqFswpGsHbfVQXVzdal+nsW+NEokfWxa7RHJpLI+ss3O/zLoh2KO1cDBppJ4W2Ujjs"
    "VhW97El6QU4ECDXG3sVZ+jwAfY6kjnNTpfQ0vBG9EiVHBttdASleSOB8bBEZo0PPgzAS2b"
    "iM83I9OjPiAV0ax8p83XhwrYTdMQ21bNpnHOM2eKuvC98HeQ0xdZSTSXCOwaBwRZzY2zGU"
    "Ldfh8xBrmYbRNAwWk6n4oqBOb+1Jt/40AG6LeLXtufYdJyMGuwUTYamZ6/juZBolybTiDJ"
    "IY9/Jd5SpTF/5YzBXoCGedkm7+abgvSvqTEUgqAPQV/achQqJOY7bnF7aR/wR+0i4VdiFO"
    "+jROW+KRjIBPQAat6gk37wdOts+iPCqXQobGaPVD8J+7iMd6+oc3J89PTuG/RjrHxlLFtI"
    "OpAatzVEYzW8JS8kgczsvQjSLmk37yspDn5PRcYDyQFatdTrslKbQLhJdRmywS048Cxc6W"
    "XptS8k4crcXRJUdWC2Q/I0XGJ0dqJl6v0siNB1g1bNxQG1srZISCDjxMakR6MDzH7mSB/c"
    "/4YjZDZwWYm8rm5CyKPGx6BjeNDUlx5iF0dGpOYiCoNGS0nUfd+kqrHAobuJ8rHMUFJ1TS"
    "IwsTMdOKUbByuc2wmUOhIjYMPG8xF7Wwtz4lYZxyL7QpV9rTYI/HWfgMbuUxXvhezOuYpC"
    "B75AR/Kpe/8dZXF47JT/Ar+Xlioq9gosHcA4HRCBg4WiAohzLO4daKQwIIjvRtCsqdJ7xK"
    "qg4Xa379Wz8YjwVqJ8Gle2QlJr3QzAOemPt9VfshPiKgJ11V1rcWMlJjtSyDIyjY2iWlmn"
    "TI7Ys/4LGPucdpZ9vIItoHS0hu06jvWKTUBJU1NFEQwdPKfJKPYxw9ARjVk9iBrDVgNXVd"
    "yHOkIIk14KgxgdE+smfPRMROHb/Cw+4HsS6CaZJYZEvJyJUY3m3cZJvHUJW6SbNlkdKYvC"
    "QMPxzuXe5GQRl67TrW61QmM79HiZoqER04hB4LJwUVPrRSfd3kHUuu6WaiSmlMFpThqyTE"
    "YjwwVlqkExRITRaDfFtixYmOI/jguFysHUsaocrOM22ZGOJyucbm7h9d/65X4m5JL1rrXC"
    "2iQTzmat3Vc7NcEhxwh+RYHRRGopm8TJ5V25slVQLQAMQed0GGP4Q/CLyN34cgUccNmR1x"
    "GeCnIRjkg0XoDYuZudt91MNB/3XdPixNQbPpbE7did819ejcAt2ZVn6mHb41argAcE9sYn"
    "7G4zdjfT7uJrRlczI9WZowOEtlspHfktFn9eCyz9bBZZ+VwGUfpifFmLeZ3y0aMVcONxgW"
    "vi1n64K9r8N6L3ieYlWxyU6s0ewQurDXjMvoCRQROj+o7dbYPr/BlHHvSzaLt0HgMepX5O"
    "QnRDl2j4BqW/yOD8TdFkC/vbr6iHdOUhvefshpEp9/+fT2PfBdcB0GuVGVgtGVJh9Ywonh"
    "pcnvgtnM5byieap21Vrn/7Cz4x70f/wdK4O1xumE0dDHxIOQTGDX4AR/3FGxatgiwlFhM+"
    "EIFt8XPR6bvPmtf+tfIvo5Czn1MNOD6vkciEEuwjWU+GxCccdTtT0WGcZUg2A8FM7qYZKW"
    "N8R0lvNbf+ryKAhX4r5z7KknarUk1DlfzBIoMXfi+ggihvAxotRL3lmkniR9jBJ8dcbmHG"
    "Y+pByeMozTUwRChW+vRDhJeHxsyqf4m4fDLzfXw6H4bh7gejsmX+hKgKcr4jldBQt4shPM"
    "YEE+4yILBg5Uh6SixwSUFSdDek9dsYkMJSr7UBIPRjSyp+LH41sm7yu+k4XitkddzPlxo9"
    "q5JhqH5cc46/HBNrJJuioMfMBDlcP2SNstCvaKP2Zxq3APJuRl7m/JRrUlT9FuFDMMHyGG"
    "rrtWmGyGubn5l1Eo5OzOz9b52cw/9Ds/21MUgLmgfBsJ2cXppUr5qI0I9zQhDHbU9w5JZO"
    "G8gGeVogkZqtgmi0dw1w+KgqmUikZhsjxEcjdM9RkH6tkI14mWlnwhbplq6o1EtLH0wETf"
    "y7L+ekY9r5r/MZHRe5RKyNTyzZNo8Zm45OLqsMOFGzXk/ouzN68TxuOHdTy//nT58WOR8d"
    "heoon7Lx5vsvO6F9tj0gZr4/7bcPuSxMKpy+aEwGw+l1rCFgErWLOB2/D/RQ3+v6jk/4ty"
    "fNZmZ25KY/T2InKrFAZcwvKL1IsiD+LYwDf5AB5R3irLLEtntLA0yBpR0CSUItEh2A5mc1"
    "mMJPsICjgbKxFjs5LmXWcILjw2gP2qReOYMlKTJdjU3NuYgiQY1QzdWyMx+RRpGRDdPFxF"
    "zgnaLM1VIzTdFtAczenBoHn0jd5qHguEcUfySRwaOvKrTRccgV334hRPPe61czYSil22Qm"
    "SiBKi3k71q82kxTxFivScSOhLHhYhDSi0Kl8oRmYrIH6vpZNqTqHfMuLU47JnYVsPXIU+7"
    "gfdhR3slqswew0/k/xBE41OuLNCuXY+oq0/xdWDf5h71k1aT2behundgjmwvugdOg6X0rk"
    "mjSrekZDGGhHv47ndgKx0DQ/YrszHVKGSUl8lqXdPmAunh5Ty+qpWD92pNDt6rYg5ewrnR"
    "anDHVi1UyTJ6k3XKyy8fCMxU6pLx9InbDAhg53q+4nLzAy1Hujfn2SYSKPfuqOrSNKsX3m"
    "GlaWbTQgqpVk1yQ4p5WgbvvnK65fl52NU0IvAVWC5hcE/h3iAMGuJFCfIqepuOQUPnZnuA"
    "ZSZcIwUmpjBYbxFPRFxRIqcrO7pfkCn8onNCyTikC4dwd4I5pRIPHIQ6VnZpnEZG+j76be"
    "AeIFt05GDARqR8Lqeux8Tdji7UO8Cc8ywx2DB4U2xS5/oLhq8MI1/FdK4jYFArEJMNhzcl"
    "d1qe1hnSvTmtU2dEIqlYgLVVqz3Z0Wsd5IkcW6vVZfQmb+wZtbqx7J8cOkRaAfFwA4rKsV"
    "a92onBBrtSaHNp1i8i/x5s+v63fqYhBdH6USS3LHSZSEg0ZrlOXQiKLtG9S3Q3vLi+6zvR"
    "9Z3o+k7sKCml6zthUt+JzJHe7CCovIXJwjH8UOhaHlQLZD9dmyWGsEktDwqWRG+9aVWn9Y"
    "FuUzVpf/BOM0GqWxBgAXg/LsqOu+OpimwrA8Z/VN76YDuPufXjVJI1/RGE3gPTkL0RMg0Q"
    "LIU4rBQmma2CT8XiiVu/r9lnZX0RSOu2CKpfw4W0IIVjwgngeIokAmza0cBK4oBHaV8Dkm"
    "lrkG2uAHdOuivEFzbRycBSFSVdRwODzrB9sTQf+xTrOhpsRMfuOhqYKpmuo8Gji0BvH6RA"
    "hWNoMzciU8rbI5xtPCm5qyXdSS3pE6tlNG3TMc7au2Hh7IEwmhxS19KLktE18Ne1WJaOYA"
    "WmF4iLn0sg/edgajEuQlRgesC7iLUXlhIwwTevDG99U7eW2GNJnB5DYpiSIwHIFlwhaKm3"
    "FDUML1heJKYVIoMpx59q5ybcf8r/3UXOzFee98WeeTICSQWAyxYd6SUFY5W8z9Ds7jx70/"
    "Aw03enJdwYthLZVCStW3kcwyXeJJuoajrNDqv0ptQbDxbzXkPWKzKLiD+wCQ2qEyCBuhzf"
    "sqIsD6fBHKxAVHaaCKKEdIfyOG0qCXUMx21RZvRXpeBhBNlhtjsD019Ko1Xw+KwepvsaRP"
    "cK2bRZJCWkO5RN8no3iSUj7ipIxMekY17XkbJN66aLmlXzvYuabcGO+glzuK9FCnevxIbS"
    "L6+1n0Qu+ICnI2vYTpn8cYFPLKDyqItZ4iLRexgDAhyLscdyJsMjC1tQwdqNgkwOcpkVtf"
    "mHoD31ldl4IycFjhMRrjKUM9FeUNwI7CdG7WkmMJYx7vgFwiFz5o2fJ0gIcEs2m8uG5KLA"
    "E+NZ2nOkDyyDaoHozgjurKZIPQ+fd+tzkC3po3dhmHphhyk0s4R9XsoW3jBfe8GjYCZS92"
    "EyTCBae9RmTjr9I4EPbaNMhxkQac14VRYr4TLnX7ru8JdIIcAL4tEJbsOo2daOqukgneq1"
    "exCtOet71kqo/lUCb6xf7uzXzn41/nzsEHY3zvz9Qth9xJDcDvGbtLMPIVC00xKtqL2I1S"
    "VaUu1gXUJhcrCoJc7Bi7M6aJdn1XCXZ2WNhpoBSqQUJjO4p2tKoFkK3UrlLAldygAL1mER"
    "dUte7mrglZRiLzBXRAiEYiNbKhDKwAxEcSh8CWlXuJH58Csd9kAbURjuWpCVqYb4Fr4uPH"
    "bNor8pbNMS90JuhLXOw1CGlfqwl+HKZ0QRyF7VmmGKd8Qd9ILMFyPYZaawctVYLvJCZeE6"
    "c1x4c4u+hc3dGj0KQyxxZ37aZym+BW7z99RzhXuP9GUuA0cQ+0y+wDhbjR1jUycG+j0wzw"
    "vU7UFbi6O58lryQ3BPQzEKZ4VIfgrQBLcIl14QuURv/b5mQllEe8ARluyrkDLYbYhOjNlq"
    "oKUJpDr4hB4O+LFO7tG1Lf9Y/mVGuzaRLqnWJO23M+KNE0kqgubA1R1e9fog857AwDohHU"
    "cNo2YtrbzNh5H1vb64cTzcUzahbNdYdlcuDzyrJVKOnLZFQDNi4lbfbVhssuOsVF+aGH4a"
    "yT5YfpswHzpLrgsaZ8a1R5HrUgUOTepVqQIZH39sTraQe552b9DGnozjJgspFrntIO6zlJ"
    "2UTZOyIe65j8yZsPDdlNl3InWvV+KgK4yx1rnoPDF6YGeHP+iju5mypFgdw3cFb5q8r5XU"
    "uGMmSl+1Ek9KyMeuj+XdAwTS46KSvOCx29aDbn3pKoPf6XMZSpLIY8Oh65A//onEACPaAE"
    "y9Ec441Y1SFJj3h3mGXy9mw6NbH91ymDJDF9JjSPCnyNkWmr4rT524IbZSF8tXFXSg4812"
    "PVfA3BN4T/mtj1SyxDSdHVfJ2tEUZwjP+yTg/cZBKFp2yQdJHya+jF0ZiPnunn3xwD0ZgR"
    "QhjLLbQzNZVN/DZAddijCl751y+60ZzH4cdCN/RD08BUqkVO3wyFLtg8+jh9iZKrakDsXM"
    "KSGC3qMwuFMgMeJEUvGvmqWru/aWdHZz9Vo6LLvZUD0bVLo6qjYOa6ZtD7giqRUVp7ZARX"
    "qGXQ/FpkT6mCmu8udiQKkj1E+xdkm0ZJbwUgJkN3nqM57ZEsrj5Nt8WJ2YcdJQWk2kCw6b"
    "dK7ui2r62Nvzo6g6h9m8vW2uap1U1QaN2dVu1IS7KYnJ/FWNX/ixPKWOL+W0/6owbxoXut"
    "ZBST6rRkk+K6AkyzyqNg3X85Qm7y29618+xfo7alSIHPJMtQvsoGXW6WtfJLeqNbV4QB0d"
    "ba6NraWceWwinJM+YX4UrhAUE2sAsJpPtnoMlKIkl9VFMlI4MSdCocLCxf+wMCjXyDb6BE"
    "xgvJkmg9El2R+qD0MrU254dC4zo1W1oRqULUEMlj6Pc6hv/bTDTDy2rHxRXGIhXpE+0DkL"
    "n8c3VOB5mHiJv+kvX69++ULe/j+RG4mn1ZCEbM6omkb8M6UWCrdSOisnPhP9i8ivoIvW9H"
    "k+UIRYUEzx7Sm4cDJbTmneY8lttAcJktxtu6LGTuU1X/t6HJW3U8seSy07/BpGONwwxBiE"
    "mSMrG4ok2utk7CLp7MLt2YVPwziRCuc5WiauKAXBgHSMt7EHS+C74nV7Facz8MAuWIulci"
    "kK5acgZPDe/ZWthGA+YNMAUO5LJJAx926y99wzsfwev37xt+l5F9JlYgOUvJXwB3CBybTv"
    "r++vb75+eAfsf0zTXBdFpXmek9eDJnrunalnpsfh3NiGXk5XZAYW5irF74XPmDnTHyLcM4"
    "IK6SEOi9h0gQXDo5WCIUKUnWG5xb6th0l8WDCAPWzyhGlLItqLYEFD12GzeRBhJSH2JRXW"
    "NvBpybBJsxqLWEOI7ogpSqEbMQFRNIWJX6RVjYMp5dMhiZiHZnj8MNHWkRLHHYvJRPKXwd"
    "UFR8AgnAY8tHaQJzfZh/GAEiZ0xnBnDJu/iT+OknOQsPY5M1g7LMwxhQ/TwOp9uL4iL89O"
    "34D56zBhB3+5uZY+4dY9BjZsfqXnQgPuZ4iMloCGFYjF+yMa2VPiuaAnuM7xcUH5qFXdeV"
    "IHiRZGVdd3nhSwaPPneQNhlJCaLJKWXoezWlw/W8P1syLXdY2tCcvzdAfI78336p2xWdCE"
    "yfH4HdaI93bC2le1XuVXa17lVyWvclcYe2CpnlWFsQ1SB3Ssc5kQUWJZKMqf/vqVebQCGq"
    "4qG2DP3oQq19Dv23TkXC2iUfDt/T0rLzvTL1vrnDeBGCh6HNQsNkNPikp0EFRC88xAJ2kN"
    "SonaB1BLlT1TsXmoNB6kxjRHUOOgADe5pcfc+mPqgs1yZCVNeeLyMXTX6DUUVKVFyDb1bo"
    "Q+lyCMuMiNoL6aFfvmcgSTGssSM1EK5somq4oSq87ETCNRd/Zn5rn3wvtDYWoMKzewSu48"
    "+9sc5izmnmvDj+K3PvqbxOMwX8MSI4fDJRtNg+DuuSiDm8JmVN1RteDGSbFSfPYtGiiI7C"
    "og5y7XoXPv7MNG/DjunXhhNtFCdZrNaKLbWAugq0wGYM/KvSndb9Ru08bMfVlHSX1ZraO+"
    "LKiogm8NWB+PN9m60hwMx+pki0+zYzzNBniatXQ0bF4CMDEvoI3q+DSSvSjiw/d/FDjYEt"
    "6PgFk4WziHwXKBk3Q2twRS4+/1xNGBGxlzYOyJzVaJg5FxdksdrkkjPJ1kdwrAScO150iF"
    "2WUCjCFELR8U8DFthlC/MWDCvMLccE2VkO/PwuohSAYw+5w4CyaDzxFip/cpsT3qzsh8wa"
    "cMM8/BpqnZj+2Q1qAT23YtXow8bYc6ZLKkEXFhwMKwLLuwWvfMUrXSQHfYJ0SgSkh3SdxE"
    "61mcvNJG89yKh3pPcGLVxtkwFNCTbrzrZMaPgxlrSFnZF7pirFfi7JQXrHVuznky5EH/5t"
    "+nsAsTGtdSYX85yqdkEjBuxU7BuCxqQu+FazCBuBLPOZ6vZMU9noRHWBg2ov5dwcO5rQfd"
    "+nEVWYBN9cil58LoOB1Y9NOzZM+TjMsRk9GwDwc8mH6zFBrJhHoEuY1Etz5soK6DXs8Pfw"
    "bhzEaInSVq1cZik1j46IMk6LnFfDbs7Jc08RMJa7bMnRM9/KR39EI21hOoXMQLJuSOsbnu"
    "eOWkP6P8jjlHx+QtxtkZelPhdwsdQ2Y6u6Hw8XL0qMIrEAb31Lsg9NZPOvJlOrbDfIU3WK"
    "VJC05mWSGwE3xdABY6dalfP5VOrx3rkBLM8dt1rlTjRGJE7VInAPkqA+saebJTCqMdqnG6"
    "ojw2hcLwKZn5Izf8UgfzQHxuwPo8ndEC0AqSRPM1oe/EMzciWS5hp1BsWgkioTRaFKgjEs"
    "eduBjLVkF1pSPOghH2SVC6HVxjM9VZzggR4cwbL5MMkck2t9TeM0hfRavh0XgvbIHGzM9S"
    "mcx9kV5CvyVmUGytm8D72O5qGGXOkZnM/b+8Jaenr1++UFuPbP64CXHUOatPqw/r08JpLc"
    "3SVuG0DOUeef0TZ6D8BecqFM3JDI6MESNT+LVCYDTusyOgr92apceH5Bfugq3VC/PJJsxu"
    "2SkKS1F4xnrlrtHksvWAgxQGDkbJyAf9pO8FYj+9BwURb0K0bEzMhFz4caMAmZCJLeDHGj"
    "ZpSjhisHcwMrSBxePxkPRFg2A3hA3HFbXlUQzAhsFTdCu6gXNkFfypjz2hW99nmOOpOz6B"
    "IAqkd1I2KQ3mzM/1EV34HuPS5ykrieCC43Ib3g0sRRYRVpT60UM9RFWNspg1aPbxkxo0FM"
    "UQpJzErR/n24rEWHlTWA3LgKj2DQQoQy4zb7HY2I3Q/yo6PkyAnQmpuF1znFn5RLGk4x/y"
    "cD2yiu102aqdi9X887ADHXpSNbHphtZILUyo9kcl7CVHKWiz5I/q8FCtevq/3Lx7gqlBe5"
    "KnsNf9bFNFoXi4rOtmm6HbXS/b+Pxv2stW6YuJimiRREX87nW1wX62M9d3Z4tZGwy2AqnJ"
    "B34827jcDGwsz5XlXanjJJjNF1FSB2mqcpBzttXdqXJkO9yufDDfGu5W+mxFl51YYG1UhM"
    "0XU8RuoFEjtIYsldGaGp27iEklgDOecXvKHJDBM9TYntme+8wMKcgsosZiyJEZ7HBveWZv"
    "733vHKaH7jAtXV/NxZ4j7dLkTbZ62DcsmW8l5xxpJ2eT5Wx7AW+3ieuEnYxNlnFib7Ypbs"
    "rRdpI2TdKt8H9EXKvEtG8A/qMFKD+6/j6qaY8C/5Nn2/rQb8zZeuHfgRcPr4UFlJav+AwD"
    "pKIKBW6D+Mo0Sqot+mDhIeCyLBiB3SB09X7oocgiOSoHbt7sI0QcdhIGnEsHU9IBCRsyxa"
    "2+kiciojLWHmtoQ5wA3YIncWSOsd+h8CvgMlA3FQ3h4wwmzJBBtMjIIkP4DfEYMX0Z+PXv"
    "BDQ0lrpgZQpnvmxSf+uLawk4Jo4aDt/+JkXlOr8//w3+NxySPmeMDAU8RIpNfXRMRLJzUs"
    "STJOHSEG5tB3PlqorrZpIYs4BCgtuI2h58qJgrghnFGnh1TDeem1j21YUwhfCtTteBDnVh"
    "3H3Y/rtKmScpgMOMo7d0C244Ur4fsdLvqELKaGionD12hXc22ZzysrYv6/LMYwqDPd491A"
    "xzOqElNEKLSJADLFKOFqHfLhS0FXQDTUttts/nCE3e6Htr1W6FzpnkpZp6HmS1/2bCKtKa"
    "i8aUt2hEiFvZi6bKJjG4moklQ2b0ChKrnTxPBHOeMyzRmDSuWXUWMj+2rQcVjUMrpVRGar"
    "SwdD8CGuSJF4Go9HG35araGMSZKJJuXOqXpTJYE2ip5G6lV4RkWot2uQXCjuENGN4c5yBP"
    "ZzC7q8EOLsTdzrG9HJm496xuMto20Q8kY+NS52biiKlMFkZ8CFuqQlKv8W5l8G2jwFiys3"
    "1paxn93sT4egkWVly0pRW7OgpgSqJEOSwCU7GmKrXvIcGMS0aWzrV4NbKUe/ZSuBEZMRtD"
    "Jxhgih0FsstEE1fBIb0KepCmvjGVCQkZrJ4b6HYuhOZzsigKonGH5lyZ8J6JoioCb+V6M+"
    "vvoFFdmSX7P8k6gl5lLD8eYNWI5M+0sQ+G8S8T6MNnIratlzPoDZBJX/hDsP5YYQfJ6roj"
    "UCwDga04Y9RXpcZKyjkJbvNZt37/1cnxyUlsQduLEKPgK3wQ/TW+l9DDEGnTIqfynlqd4F"
    "HDQuUO29GYbdLqItbmiaQLmO4iYPpUSu0Mf8UXc6dlLUuWsqtlMdggSlI7jQH/uVZFdNWK"
    "YzKijubI9cF10NJ9MgyZR1cJLFjk2ndDIkrJeZyqmcHaOY+LYxm2TBxjK8VwpXB0LKW9FR"
    "THrT3p1tc0Ulxf5D9Af0y+iFGoYcI9gB7ByyUykEgWVWySHSAxiTJEPCC4v5zPuvzIWqrk"
    "P3vjkAEtKLBdJmSnV+7BHt/plQemV6YbUAP+ZohM5nF5Ot5P+vQfOTbm0BLOX8+o51VuLI"
    "rE5A2lt2TsDuZJTp6/Jn384K2O0MGD38EZPQv8aEpOn5/9SPrib7hcUxhyB3px9uZ1sufg"
    "h3W7zPWny48fSzJSurr0A9Pl69SldxbcoUl9Lyy4GxbOJPtKzTd5uY7tFiUjm/n8lf8dY7"
    "XwDvBqFzsnfbikQeiUVOxt9M4Pd7PvTKPONHpw83wyAnliYF6irBV0RiqhvFw/dg0da7/j"
    "+OsvH99ft9Hnt9IsPcmUGnB34lOviXQqyHcopbFHG7exLBpajF0nkzciAVGxFEyQksKz9S"
    "ZX6Q12Z4C9aSgMqjLb4PB1sYbdxoaOwGvOVBV8E8FszuDqVO9O9d6t6i0SPr4yBxsbS4kU"
    "9e/8mPVKuBg9CLPDH9TE5UPSRrCEz3FJqsCFpkuLVq+oTQcyTyYIHRaei1FL2KBYRJZI6A"
    "RLn4wK/qttPefWH8ofPiR9jzkTuPFwWGDFcGhpGBbD4ZevErbi6Jh8FkETlW6LTWyxK4EM"
    "14jojHi8yFfnKkuH4BuALXKHsYB4FIRsiJYFt2R/WUp8tiRqQlhNuJLAHy7OKIjQwze4Y6"
    "sU/GMazJ/x87RvAYJUYn0OLMZI8Ek0vla7JlgwdAIL9CIZf+sjAWodJEBLJaETmyy2WXCO"
    "yXBEPczEG4gOOcmzFVdDdzKNZPMcAcNBZddc4LB8Nk/LumQ3Chvo1LwahJtyHHgYliMLGo"
    "DAHBYpDBJSQuSRLljVWWR7cKZ2sB1PUgBJN4gGzE9oTGY8amZuBIfkeXxIRvSO+WQcBjPt"
    "kGmk1+9YOOkR0sAizhAZHW5MtQypUcmSIykrgV82lhl4RlSE5ZWEBhIpITVZLiZVp2bUw2"
    "a7VIHU6M1Kabxq0rrmK1ZF1oQydb/qYsTVAtlPl8UGmj1muvaiVfq9AKm6hbuHb0JVcdZ2"
    "4VEzTFvj2Em4WsOrk46t69KRgYlkLyPzRSRdF6pAKd4FmU2xDWOsICgHCDZ/RMUfbnNUmh"
    "G7lafE/pa+7jrRPTqCDefSe1Pw6aTTGMTunRuxn8ulAA+59TOTlRmzCAEVBWQmk2spFt7G"
    "vp5qt0bmWa0cG9k7dH6Lzm9h/Hba+S2epgCekN+i/Pwy2RB4Osay5sSwVBtq0e66scHW2d"
    "K7s6UTxdXU9dMZ0tUCOSxDOgs0nNPf6y/QAqnJC9RA1WINpEx2J8+KpDmuTEn+xJ4JpS64"
    "TOGVNAthRgjiWmVh9yo9IskIq4ZLhOuDGyacS1VPHV2F7HDs5AJ/Dtm3uRuuBqIKiA+PVN"
    "a4IpauAzGEPZSFvunHYSrJ3zHXI0dD/kQ+W/kqZUnzPM6S8egcc+3i1jUeG0eiNBmzVuQM"
    "b3041xw3Ip8xxYP5Dg1lVRRX57orO7HIUYhcHnjA7Uh9obJD+vIf17fUFzCZLqne+L3Z2h"
    "tXyJMRSKahZbraiyJYnyhcIG4lhh3hHyLJedne18iQ6DKDO+ugaB0Ynhl8yULXnpYpSerK"
    "WuWIpmMe0omq5bzhE/qpHM/fCYFfffAiRH+pSVTt2dNITPbotU1/efWqjsvu1atqlx1ey2"
    "F5wKJqwGE1/AC5u5WULpWQXuTw/1xffa5wr6Uk+dPTtSPyX+K5fB89LWuYi8zIHJExT/uf"
    "Lv+RZ/e7j1dv82cf3uBtmY9ll4fZ7/8fFwt6Zw=="
)
