from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "report_progress" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL UNIQUE,
    "timezone" VARCHAR(64) NOT NULL,
    "first_day" INT NOT NULL,
    "through_day" INT NOT NULL,
    "through_order_id" BIGINT NOT NULL,
    "through_refund_id" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "report_progress"."timezone" IS 'the zone of the days (a change starts again)';
COMMENT ON COLUMN "report_progress"."first_day" IS 'days since 1970-01-01';
COMMENT ON COLUMN "report_progress"."through_day" IS 'the last day written (first_day - 1: none yet)';
COMMENT ON TABLE "report_progress" IS 'How far a merchant''s `ReportRunning` rows go: every day from `first_day` to `through_day`';
        CREATE TABLE IF NOT EXISTS "report_running" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "day" INT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "scene" VARCHAR(16) NOT NULL,
    "clicks" BIGINT NOT NULL,
    "visitors" BIGINT NOT NULL,
    "orders" BIGINT NOT NULL,
    "revenue_minor" BIGINT NOT NULL,
    CONSTRAINT "uid_report_runn_merchan_552cf5" UNIQUE ("merchant_id", "day", "partner_id", "scene")
);
COMMENT ON COLUMN "report_running"."day" IS 'local date, days since 1970-01-01: the totals before its midnight';
COMMENT ON COLUMN "report_running"."partner_id" IS '0: every partner';
COMMENT ON COLUMN "report_running"."scene" IS ''''' for orders with no scene (a code, a binding)';
COMMENT ON COLUMN "report_running"."visitors" IS 'a visitor counted once a day per partner and scene';
COMMENT ON COLUMN "report_running"."revenue_minor" IS 'order totals after discount, less refunds';
COMMENT ON TABLE "report_running" IS 'The console report''s figures summed over every settled fact before the local midnight that';
        CREATE TABLE IF NOT EXISTS "commission_report_progress" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL UNIQUE,
    "timezone" VARCHAR(64) NOT NULL,
    "first_day" INT NOT NULL,
    "through_day" INT NOT NULL,
    "through_commission_id" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "commission_report_progress"."timezone" IS 'the zone of the days (a change starts again)';
COMMENT ON COLUMN "commission_report_progress"."first_day" IS 'days since 1970-01-01';
COMMENT ON COLUMN "commission_report_progress"."through_day" IS 'the last day written (first_day - 1: none yet)';
COMMENT ON TABLE "commission_report_progress" IS 'How far a merchant''s `CommissionRunning` rows go: every day from `first_day` to';
        CREATE TABLE IF NOT EXISTS "commission_running" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "merchant_id" BIGINT NOT NULL,
    "day" INT NOT NULL,
    "partner_id" BIGINT NOT NULL,
    "scene" VARCHAR(16) NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "amount" BIGINT NOT NULL,
    CONSTRAINT "uid_commission__merchan_6ad0d2" UNIQUE ("merchant_id", "day", "partner_id", "scene", "kind")
);
COMMENT ON COLUMN "commission_running"."day" IS 'local date, days since 1970-01-01: the totals before its midnight';
COMMENT ON COLUMN "commission_running"."partner_id" IS '0: every partner';
COMMENT ON COLUMN "commission_running"."scene" IS 'the order''s scene; '''' when it has none';
COMMENT ON COLUMN "commission_running"."kind" IS 'cash or points';
COMMENT ON COLUMN "commission_running"."amount" IS 'minor units or points';
COMMENT ON TABLE "commission_running" IS 'Commissions summed over every settled row (originals and reversals, every status) that';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "commission_running";
        DROP TABLE IF EXISTS "report_running";
        DROP TABLE IF EXISTS "commission_report_progress";
        DROP TABLE IF EXISTS "report_progress";"""


MODELS_STATE = (
    "eJztfWtz2ziy9l9B6YvlemWP41zX3n2r7JzMmewmcSr27Ow56y0JIiGJY4rQEmQUz+z899"
    "MNgHdKIhldIJlVW7MxiSahbhDo69O/d6bcZq44vZo5f2OPnQvye8ejUwb/yN3pkQ6dzZLr"
    "eCGgQ1cOpTOn/6AHDUXgUyuAyyPqCgaXbCYs35kFDvdw8BWZMt+aUC84EuTq83sClJeEe+"
    "4jcQJBbn+6Ojl/+Yo4goiA+8zukWDCcBDeZu5I3pnwuQc0FjvFl9rcgrc63nhDzw89598h"
    "6wd8zGCsD2/557/gsuPZ7BsT0Z+zh/7IYa6d4aJj4wPk9X7wOJPXrp3xey/4UY7F2Q/7Fn"
    "fDqZeMnz0GE+7FBI4X4NUx85hPA4ZvCPwQeeuFrqulELFbTTYZomaZorHZiIYuSgip1QSS"
    "a51+/9PNXf/23V2/3ylIL6JIMVxfsriHkoepCsmAMU7h5E/n58+fvz4/e/7qzcsXr1+/fH"
    "P2BsbK+RZvvf5DTSbhlnqU5Nn7/37/6Q4nxGF5qWWHF/6QNDSgikoKI7WG9Uro1xVDjnC1"
    "PCLuLxNIdOHwJZJIwOdwp8D6txPqlzM+Gp/jOPyQ9XA82ZS2wfIp/dZ3mTcOJvDns1dLuP"
    "n3qy9vf7r60n326jjL0k/6zrm8lWUubFr9CRWTOgxO06yHybvdZzIsfvWiAotfvVjIYryV"
    "ZfHMZyPnWx0GJxQmr2H4Ob4ICGxyeFozX8AxyInPLD72HMEIJfpA3/0qB84wt44EYoLtCa"
    "DT2c4WcnZWhbtnZ4vZi/ey/LV8htzo06DI5P+CO4EzZeWMzlLmuG1r0tPoH+Ys/urchx9o"
    "34DqqHe1Jcy/e//x3e3d1cfP+LqpEP92Jf+u7t7hnXN59TF3tZv/DOKHkF/e3/1E8E/yvz"
    "ef3kn2chGMffnGZNzd/3ZwTjQMeN/j8z61UxtwdDXiWvZgZl/5QyOpZynXIHU9XVOEvidC"
    "jnhSkDLaIqOHlD6MF4bUephT3+4X7vBzvmhs8db0fJq/Qj06lkJCbuI8I8MxtJ3gnRf45W"
    "Zlcre31LTEcX0WD1xpXt54DE81b4xn2AwONu6RKbUZ6VLihy4jggU9vEX9AFYl/nNIA2uC"
    "/4BbAayMnjr9Tk9Pjy/IfMJ78B/m9QqW5uZede/NJxRpPVtapyIc/sosNGhFAN8RGbIRmK"
    "7yNh0F+Oi57wQB84jjSQI1LRiPdixwzBPANOBQRXP2n3kDiFtW6Pvqo4exhft6gmobSP0N"
    "d//V2satbWz8Qb8T4zj9VdU8hHOkB6h77fsxnBY0bL7c7z8AJ+vYMVkqo61J7QHu4fk0Gh"
    "HuE/EoAjY1w4JUjCzb51Yxv3SLM4v1eNxrNzdxtDdbSYFaFg+9AK6CftFEEut3pyiu1nUK"
    "ZqkOz6rfxILHGdVjsaYwerGjWkzmVBCbe/Awdjo+jdTrUxGKGVN75e4Xel4hriqHPJ350n"
    "ASgZCAZ2XSRBbPzyvI4vn5QlngrXJZ1DsAslQmy8EYZ7kyS4tM/uvtzadyJicUeQ3WsQLy"
    "H+I6ooo5sR0PUidlimsT/FI+Rhrt0YegnaLVlv4SCSDTMvptxPnux6t/5IXy9sPNdV5xxQ"
    "dc5w8G9BbUEVBMsG/ykRMvEY/PpvyrSeIxxF331nWsh06Jp07d6C1z0lnxkEruua+OAGEE"
    "E5+H4wn6wmAPZrCUvIdLMuSBIPjnA5sFpDty6Rime0yGYUA89pX5hAYgM/iT2cXcj7U/vY"
    "GrTL4/Nh1WOc5W3XdmcbR21VB95pY9uJYLbvGRuM6jcBMeOLkB+Mylj325JInTSBs8r6KB"
    "nC/WQM61BtL63qoxfye+N9wQarM/RdSyvjHrsxtVde5n6VoBNBaAsIBLtWyhiOAAzaD1e1"
    "+yGkBVHmepDpDRL6rkrrxYnLryopC5klKOKqswszVnvxnF4vWb9KGADRcsBq8kQrWYy1mq"
    "g3PYvnxWRUOEUQsZLe/lMmXZiIHCXmKdL8mWTdEcHJefnZ1XWc44bEm623lhSTuiD3Zgie"
    "rBucuot2DfiIlyfB4C1aYYHV/Zbnj1+ubmQ8a1cf0+p1J8+vnj9TtgveQ7DHKCNsL99CLc"
    "pniuQhFwMIyvQYyK3UUfVm5Ib6k3Sw/uD1OjK5Q1RXQYfX0UZO4EExmM1WYL4SP80/GJSr"
    "1OPE2E+zbcn08cl8EQRxCXikCUlTZt5B0lTq6CcylmChw5yp/UVj+ZYda1XibjRJLKrU9/"
    "NjUUuzzdAdoq55VqGc6X1DKcF2sZWtfSjhf8kIdeE20vTdeqesapemkRs28zBx7XQMhZyr"
    "2pHJFvhEdxH0OE1SJK+y5wQ3T7j1oT6ZQo9fG9pdr8ND2qghY/9LGqwg89D8SbFG+Qmc/H"
    "Pp1eShABx0aUAFS8A+ZRz3qU2ZegfOMCgX+gGk18Pi9T4df/ghaewOjDcbGCLv+/hlYYjW"
    "+1wWraoHQgwcdTT/NOaEzmc+f97Q15cf7sNbFg00u2BouKCaFTTPyudlLlsi+rJF8uzr3M"
    "SwDP8d94vWBjmmaLTu0r4dAfbrFubkKd7Xi4N5Bf77p8zuy+zafwTlFk+5JMvyLpd+X8NZ"
    "PCn0ehJ1PRyTB03AAmcorv+/81BdKZgA4kUrlfgkzpI5lxEAQJ+HfrcBtJzpyz4YTzh75g"
    "ls9qxduKlEZvXbcBqECgG5Jf1LxBUHLipDufwL/6WA7bZPPaCDxC5EOFuffnwAjQnW36WP"
    "JpLVSaljxhe56G52ebVaXOn714/eLN81cvYg0qvrJMcSp6ENLckvp8nQ+hlHiLhwg61ftx"
    "Ouw+Jq/ooEfdNZ4na7Swt2TOx0EUPWn1EPIXUKJGPXIG/9Cmfo98gj+in7SDTwGP5D6C0v"
    "VVpJ+WfAxLw9YLntDGsGvEsKPDNfRrbUU5skab0JY+iPmEgZr0BROnyeeb2zshfRDCGXvM"
    "RrMC2K0qKeDpWOYVZdA3OaPBTKto6S019QrH9Minod3HOVO3lt5bINyHSpcZ7F5y4kRN/E"
    "LtXVjQgMXXE+7aEh0E5RhMQOfEK4J0o03gVBIfR1LV7624zW1bL57BZuzwUPSbK8hLHmHy"
    "hykLmpRqrCFf8AoqGcTnAcVhlwQOKgf4IAiY/I6rnIZgQgMF7P3GqNGxBNTv6X+lrmP35Z"
    "TrhhFWPGp/4goMvlCVsRGL80iQMTCUIZ6Qw7+/TG0vgg0tGl21r/Sw0OgMCTHdYGJUpyS+"
    "pG70lgWX4Fid9Xk8bnV4ydN5WD6bcR/TsoaP8vNPQVbjM3tJZlfKooVj2nIE/iM62mFBCA"
    "3qlY0ybe49VZLF2LeA+aCVxPBf3wMttqSssWR0Nk+tbAAa5y0umblBsTZrbedJPOnvt4aS"
    "nSMz2QVtVpRyhzmChmGvtkHhXfB5zUFf3IW9en77FMkB8vdNBf6+WcjfNwU8I+xbUhfNKE"
    "VzeBvFRjwWbe3SE3E5iHAY8AD0lqnj8ZL6y2VKZ5HWZL0TpjtFj5PreIyMfS6EThWqF+Da"
    "sjpqO0ICWTaRT5HWaPlIq/3EZV+ZS6Kp94iYuU5AOOIToeSMFlbjL2m/PiP11ZOTWEomyw"
    "RB48OSoNgydSGi2GLyRBo5bw8zJ3ZYe7SleEWqnDTuaSBTJyTAnqdzNk39ClIezjqfQo7M"
    "ZPOkI7tOBIjKii5cG5sbciz6fawjnA2jscYO2BoySNMcnvWyLry5HYObmcbjpwCtZRrPN3"
    "zEOqIvgQ2SmFuNXLgisdlpcLGD90gsgHOotqFvJ0sOXhowsLPqAnLl6Yw+XwPmumAyY1gV"
    "c+VGPp/CX/ATRnBANUqHW38JyM7Q57aYE6Vni2WSMkVqwmdEsGYVTxvoGaoVeizMqiODPJ"
    "3pUpCFZ8B1JrtoU0Fwpo0QdzegZfLpzGUNE4lytHuTUPYkvbcW9SzmNhN0lrSVs9FybhMD"
    "28TArScGfnA81lmUHChv9pYlCEo1ve9G4yq1R5DBGT4iVCfxXZKBx3QAY4CwEJiRp4I3Lh"
    "O6VkMWuupcYpX6Fzmmy7skbOIlpamBigNKrcSXgqRb/DiTfBdtJp5xIknlIKS+nur8T1Nt"
    "ivmH+jlknKhytyqwfpkHNaI4pDW/tnpW8RDWco2q4SZ7hEzKV7KAG2Pu10tsTNEcIID4Br"
    "j87xAONico4fKyHTlNdUhbw5a3ZPj1QX/mOxZrkmFSRt0Ko7EwpHXQRA45wlYEbWbcvgsi"
    "tp3rySBD1rK/FvsN8RJ91p2OS3xEn5MmyIs9RKlOyavdQ7d8yhCAYz7hyhsj8lWdCutM1m"
    "1i2Sb+PmYjno0KlFFXkTySIYqx6BvayBsqNRjAoNfKYlGfWX7oBMq6XV3/2TqWWsdSu2OW"
    "p2vUi01/V0x6W+kZOhZNaEAoCRzXxexHa8KsBx42yg1YfwYTaF2YOtKvC/2bpzNZDk3TID"
    "dR7fkAP60On6Px20x710fWdpwi6+/CCOZcOKvD45jA4AQXY7i7J7UboLY6X9mW/Hpr35Uz"
    "amUtjSRPaXDmdGRqSN0+mretmoGhyt9VZWfnVaF3d6K3KIOjP5NAdsyzah2ipcTb3Ol1ju"
    "veVZw/AYiKTqqNHli5fO4lzfbi9UK6CKV6EqEoNgKp3oiaw6a0DEdvCVZLRGCwSJrqkS+r"
    "ZPTCqMUMflmS0/vIWG2tPUt1gKzeTA83ZBq14rLaetxOEbYMr4aI02ZWtpmV2/SZf4EF8M"
    "GZOsEXNgoFzKxT4j0vDuot86Pjouq7OB6VjYRgpU/9C4OVhs1CKMFnEPkMIp8B2nH3xfmf"
    "jnuIxhr7wHvk57u3iAovneBy+CWZ+04QMI84HhnSwJoUQRo29qJ7b/iom//MfG5htmaXei"
    "ScCeYHBBYE9hnD/E25Lx6fkpQXlZyBcHh8hcypIA+wYqpjPcL08P8U56UI2+xOgyyn1glv"
    "nEhSzmBakkaEJ+4CHzAtyx/KHLN7yPolXMRjspCUGe8zNTTDLNUB+s7XX0Cnz6W63rCYaH"
    "vbwoYbGz2dVAZUtLzsEZ29s1wBS8ZUKnNR41V7kXQlCvpYQJmhLtEd6Y5VS9QZAmNh1Qo6"
    "aYTsQTJQ88IynIEor3PZyFuq6EXpHPxleNitdtRqR8afNW3ty5P4HJ4SAngnAo44EtEh4T"
    "TCLtiIS06hcjZJKc1TthvQd+RItZA2DT6I9QOqtEjMLcZDG4loIxGbMnkXgTyk7vZWm741"
    "YB7udK6BtEgj9UPidgKBi+k4MiNHWar42AuCxWuoqQShj105MSLgsUDDd+tHMLtoBG/2VS"
    "WWcGvfmqPLtPatcSLJelhh16ifcZgiay3c7/MuSMSGZi6GFGkrhaZSOOxq+k72JL0kZ7JO"
    "jnr6LD3hoM+RxHFuqpSehjeiU6LkoHokE6Qj3c4kERmjQ2OP0c8+R5OgPJUnO2KFLo1j+7"
    "P04JX69E98Drfgy0oXqg7Ua7+EngfyGhCfzwUZ8wudK2NH3o6BQoWGvwck4GQQTHwejify"
    "QkGd3tib7j3Vol0CqyLcvYhafuMWMnVszxlPAqmMx/BrqgxXrVWhWrk68I9whk+HUYK1Sr"
    "r5p+G+KOlPRiCpZkbOlP3G6wH6p2nM9vzCNvIb92JER9iFMHOQ4MoZMyICFQEfgwwaFTqs"
    "3w8cb59FeSz8FDI0Rqsfkv/CwTKTZ396fXZy9gz+V0vnWBtQW+pgqsHqHJXRzMYF71IRyM"
    "M5yqntxouFnJBnF7JpDnlkQb2KuLVLoVkgvIzaZJGYfhRodjb02pSSt+JoLI5wZjeMFGUp"
    "20iRKZGikgChnL1RVq428ToLjdxoQK+CjeunxlYKGaGguYtJjUgv2wKNQ4RoEuF0is4K7B"
    "CqbE7BgsBFXCZ4aGRIyjOPW9RNzEkMBJWGjDbzqntPa5UDaQN3c9BS+MFJlVQXwkQF62jl"
    "yj5ZpBuV3v4gmP/VsdgPPnfdcHY6ezy+uPewsgZ1V9BopTblKHsa7HG8hIY0w0oaLJHJXZ"
    "fzOiVJL0Zyhj9VqN947+kbp+RH+JXiIjbRH2GifOaCwPLNmQQ+WnNIIjKQbtRvAiNuKrc0"
    "oA/Mu/f4aKR6KOKnCz8+MumlZs5FbO53pTtK/wkMgx95XLdSJ9tuUrUfa5NSDTrk9sUfsO"
    "tjzpySncUYm3tgCaltGvWdHik1QS/kliP7HZf6JHdjHO2w2+62JHMWOZBTGJGmfhdb7nu5"
    "LREcHcmInT5+pYfd45EuQmUHNDj5yRBeCzJp5CZbP5qR0k3qfRYJjcmfhOGHg25LWJP1aS"
    "qTmd+hcd9FWUku9Vg4Kaj0oZXq6ybvWOqbrieqhMZkQRn+lfhYjBc2QvAvkJosBrVaIsWJ"
    "joJUv6yeMkK1nWfaZ2KIy+UW8ac/ON5Dp8TdktzsLXO1SAxrzNV6qOZmuSI44AHJsTrIDy"
    "TetUqe1dtbT6kEoAHIPe6SDH7wf/gdVYE/BiBR2/GZBeqxDPBTHwzyfui7g2Jm7mZftTro"
    "X3AQlHkGcBnS6Yw6Y6+F027dAu2ZVn6mHb41argAdotnvttNaMPmZHKy1GFwlspkI78ho8"
    "/Pqhb+Lq38LQI+H6QnxZjVvMUehEYjSW6oBaFWFevsxCkac1sQoidQRug8XtmtsXl+J6jr"
    "OZWDc5dRb0FOfkyUY/cQqDbF7+hA3G4B9PXNzQd8cpzacP0+p0l8+vnj9Tvgu+Q6DHKCRQ"
    "pGW5p8YAknhpcm38Ke+N674w/M65T5P1K3e0s9IDCw78CKi4dWcILAJnciszGQ+sTxlGui"
    "K6uXYjev/EMEdDQiGnT5+JLIkiYVMIT3HQly+9PVyfnLV5iL8cBmJe3oN/q2e+/e+zt1HZ"
    "sAgeOSAfs2c2B9wNc46ElHNfqwL8gAcevwIlIKFmBmh4TBsB3kCnXJz59xQfaI4CSY83sP"
    "7kloCS8gQCuIRT2PAx0PJkSElsUql0gvc8S0PpfW52L+AbCbjFz85GuD82SpDs78X3/RxQ"
    "5dW6YZULvJrMAjL+pqUFsKZdStLJrKIlEe6hoBWcoDNAL2ROkvyTJXWn+muEA0qywQ67Ty"
    "ttT2CEmw0klqsTZWO1XzbhySvFvbfvE+29r2m7Dt8VS+0o2Kyoz79P3eUus+fb5Xte5nzB"
    "eI+zXK9PZWPb/BAhfYXCTgyv6VVSAy8ZF6RHYNk1Yz2uVCzLlvky71x9w7J6hTH5eZ95t+"
    "XZXiB9XvrK1zMEitao1r40Sys4aC2yt2mDP/xKIC0ZjUy+Ru43iZvalJgGdDbQfVrlfbzV"
    "EgNFosakt37J4GscFGDNQHHgQ63dYIUG4fzqY6MojGm8x6Y+LyhxzK7MiHXEQhAlR6QOe5"
    "JHzGPCKYEDBMlqZ+t+nVBjxbo2hfjaJf2HDC+cMXZjEQSafELMqNWGoYzdXYvp8aXME0wo"
    "4QulsQdVHMj2BoeLbL7IsEJB8smUH0fMeWIUPqCdAsmK0OMNlbIuD4N4gG1l6ZWbTJV1Ux"
    "iZLHtnaRSUp4axcZJ5JEBKmPpoYmmKU6QH1wI/r2kNuPtQ2fDNEBcnr9AV6FTtIvz6BfFl"
    "hMUx3SlrI2jAI4kGfwhhK2/vX25tOiEseEJq86O1ZA/kNcR+wjc5dwDrmR0Y+j5dr9ePWP"
    "/Ep+++HmOq/44gOuC8wHxe9rIwMmR9paMK0FU8mCecunU0da850S6yV1d6nlYmXHrTRafs"
    "FmLly3LMVMSUZ9D7GifDKGVSwI/rjjYqOXHpG1pRaTtfvyetFMWefDMRfzimANty+oK02Z"
    "NAQXn3s68kM8Nqbo2dFw7D0yiKj6fDSQEaFBjKQ4wHzNi3tv4qAd9CifO5sxz5bw+j1lIY"
    "XTuPurM3YwnxMfotD51ZMlWtgcf24wSX7uA2MzATMfUAFvGUSIYirz03qUCCCySNcClQN/"
    "82Dw+e52MJDXZhy/t1PymT5O0czTxDP6yEN4s82n8EEeCQlcNqOOTRLRY6broyAD+pU6ch"
    "PR2aoDRdwf0sCayB+Pq0w9V15TvX0slzoI0+ZUNwdTHFZ/RkCVeeNwcatbGLiiqDjXjk0p"
    "EXKZI3vlP6ZRJNOFCbmZ5/ekQVn2ltSDIobhK+TQZfcKk80wNzf/MgrgmsPmbZpuazHvwa"
    "HflkY/RQGY20d5LbHDCBFUKx+Vm/g+za5TW8wqJLp+h/knSjQ+QxXbZPFI7nq8hhskRWGy"
    "PCQeL0z1SAD1dIjfSQpJ9lI+MtHUa4lobd6SWN/Lsv52Sl13Mf8jIqP3KI2hmYIIjgF+zu"
    "UtB78Oyw+doCb3n5+/fhUzHv9YxvPbj1cfPhQZ/+B4tbzZ0XiTvaudyB5TNlhFnmY8rW8q"
    "OFrfLPSzvikkOEQWTlU2xwRm87nUEu4RsIJTNnAT/j+vwP/nC/n/vMD/2LCsfuYmNEZvLx"
    "IOT7ftjVl+mXhR1EEcGfgmH8BDKhoBA2bpjBZWqsugxKCXShGZU4Hen5nCj/ck0L3sQNiL"
    "xVivC822QR1Dl/Vhv+rjGtOuy4oqVBmpyRLcXTgJGVUv8JwiMfkUMSYWmnOCVt+AcoSm2w"
    "IpR3NyMKQ8+kZvNbvqm70l+cQODTVj7dCnsjxvP07xxONedZ9KKLYIAYUxIt1/Zx8zpnOx"
    "lDoB7hzp/gS4OxKDK3ZcyDik0qLwUzkmExn5Y9+fSG1S1LtSDWsmtlVzOeRp96d6GVVml+"
    "Ff5P8RbKCsXVkK7EfffYrLgX2budSjQakqvjj7KEe2DwlInQmfK++aMqrSlpTCz1Ydur57"
    "DWwoS+lXZmGxhM+oKJPVEt2+SHp4MJUvKyWWvlySWPqypJAr4tzwsf/AHhuokmX0JuuUV5"
    "/fE5ip0iWj6ROnXu+mrev5mstNEvgypHtznq0jmXLvjqq20Gzxh3dYaZrZtJBCqlWd3JBi"
    "npbBu6+abnl+Huki2iRcAsvF518pPBuEQbGey1GAGRi3hXk4rjDbA6wy4WopMBGFwXpLDJ"
    "BE1HQJFQ8IHjCBX4R1eiOfhrYs6aWutEAECnWk7dIY7KTrod8GngGyRUcOBmxkyud84rhM"
    "Pu34Uq8BLADMEIMNgw8FMQeOFzJcMox8kdO5DYBBjfrOrTm8qbjT8LTOkO7NaZ04I2JJRQ"
    "KsrFrtyY5e6SCP5dhYrS6jN3ljz6jVtWX/5Bp6JRUQqln6Z5/j+lO/YGG1RG5sr1rtRF83"
    "WZ+l6VbWUvzE53ALo+WptuSD1FxUy/YB1i0IMuZRh1bsgDjy+ZQMRo4vgr5sbx7w/DpY9/"
    "PvvUEw8Xk4nqgr6vzJBnh021IHboQz1SpMk6SY5dhVu4a1ie5tovtKs+nJCCSFRg2ayW+8"
    "XueeNI3J4XkZMv5NFngpk0T2Ccf+x7Byxog/Qf1AEDoGGTTSRdcfyI+3yaI8Fn4KGRqTM1"
    "A6pX3aaykda0tKSZ0/NVidozKa2dIGpyKQh/Dcd4IAtP5uvFjICXl2IdsCIXhuPRN97VLI"
    "HOn1DoKFjzBZOIYfCuHMbujazFK2rk2DDWE5e/MsLGVJdJabVnpQZZsqNX6lLfU2ZYKIcI"
    "ruTo4+MGXRCBYELoJWgUXUjYqyhaxxjiuye9FYmR10LM3sgkm1mdfce1EqCRmyEfeZcsVy"
    "i7pk6tieM54ESu+BaZABWl89WUATF3bItoyRwqSyVfCtWDxx73VT9tkPgvlfHYv94HPXDW"
    "ens8djCQAmVSugl4e9Lh1PlcszeJhsIp69fu/JWV0qC1I6Jmwu8d0lRDTpWhTUBhdj41GU"
    "7JhQ/H30gSFI80j1ucPP85QkRZjkDJ4cToXmlb5Rubo8OujLW0zLipIWhMygM2xfLM1dn2"
    "I7USvq6dr7oGOrjRXVmR4pNW4udJe3AHdvvSPjLhjtxbtRuw+/tr1zdpHd8U1zbR9+6+RO"
    "rEAcCaVVXJKoG60TYB+E5k1p156U3NaSbqWW9InVMpq26Rhn7d0xf7oijKaGVLX0gnh0Bd"
    "DkVCwrjWAFpheIS4AxM4LHnYCpxYQMUYHpAWsRay96WsAEV14ZSPK6Hq2wx5LeMw58AmGg"
    "Achk/1bp11arFDUMl88vY9MKkcG044+riL90/2n/dxs5M1953hd75skIJBEAfrboSC8pGF"
    "vI+wzN9s6z1zUPs/TuNIcHw1YiL5GkbmU3hku0SdZR1dI0W6zSm1B31A9nnZqs12Q9Iv+B"
    "MPuoToAEqnJ8w4qyOpz6M7ACUdmpI4gS0i3K41ldSehjeCQBQRmZ0l+1gocRZJtZzhRMfy"
    "WNRsHj82rQ40uQxxfIpslHUkK6RdnEy7tOLBlxV0EiHiYdi0atr9Zs3bRRs8V8b6NmG7Cj"
    "fsQc7luZwt0psaHSt5faTzIXvC+SkRVsp0z+uMQnllB51MEscZnoPYgAAU7l2FM1k8FxDz"
    "vIzGXrzHQOcpkVtf6XoD31hVn4IDsBjlO9OktQzvC6ehDYT4xak0xgLGPciUuEQxbMHZ3E"
    "SAjwSDadBSqcNZcOryD9HuUDy6BaILozgjvrKVLXxffdewJkS7roXRgkXthBAs2sYJ/nEy"
    "6YRKS2QhHwqUzdh8kwiWjtUovZyfSPJT60hTIdZECkU8artliJUDn/ynWHv0QJARaIS8e4"
    "DaNmWzmqlgbp1MtuJVpz1vecKqH6Vwm8cfp2a7+29qvx52OLsLt25u8Xwu4OQ3JbxG9KnX"
    "0IgZI6LdGK2otYXawlVQ7WxRQmB4sa4hw8P6+Cdnm+GO7yvKyhaj1AiYTCZAZ30poSaJZS"
    "t9I5S1KXMsCCtVlQ2j57MfBKQrEXmCsyBALrRWXSBRMwA1EcGl9C2RVOYD78Sos90EQUhr"
    "sWVGWqIb6FL6HLblnwd41tWuJeyI3oLfMwlGGlrvYy3HiMaALZBSltmOITcQe9JLNwCLvM"
    "BL5cPVbIvFBVuM5sB1Zu0bewvkejR2GAJe7MS/osRY/Abf4rdR3p3iNdlcsgEMQ+ky8wyl"
    "ZjR9jUsYH+FZjncv140NaiaK66F/8Q3NNQjNJZIZOfOJrgPSKUF0R9ovdeN2VC9UjqBcdY"
    "sq9DymC3IToxZquBliaR6uAv9HDAj7Vzr65s+UfyLzPaUxNpk2pN0n5bI944kSQiqA9c3e"
    "JVLw8y7wkMrO3TUVAzatbQylt/GDm91xc3Ds5dRr3F1l6KMsfwIZAa5PLAs1oh5ahp9who"
    "Rkw+6rsNi+ubmw8ZRfb6fW6z+PTzx+t3IBgpFxgE+kr5itfqSx3DL0WyD5bfOsyH1pJrg8"
    "aZcc1R5NpUgUOT+qJUgYyPPzInG8g9T7s3aGNPxnGThRQLnGYQ91nKVsqmSdkQ99wHZo+Z"
    "/3bCrAeZutcpcdAVxvSWuehcObpvZYev9NHdTVhcrI7hu4I3TT23F9e4YyZKV7cSj0vIR4"
    "6H5d19BNITspK84LHb1IvuPeUqg9/pCRVKUshjg4Fjkz//hUQAI6kBmHojnXG6G6UsMO8O"
    "8gy/DaeD43sP3XKYMkND5TEk+FPUbAtN37WnTj4QW6nLz1cXdKDjzXJcR8LcE1in4t5DKl"
    "VimsxO6GTtYIIzhPd9lPB+I+7Lll3qRcqHiYuxLQMx392zLx64JyOQIoRRdnuoJ4vFzzDZ"
    "QZcgTKX3TrX9Vgxm7wbdyBtSF0+BEiktdnhkqfbB59FB7EwdW9KHYuaUkEHvoc8fNEiMPJ"
    "F0/Kti6eq2vSWt3bz4Wzosu9lQPRtUuiqqNg6rp233hSapFBWnlkRFOsKuh3JTIl3MFNf5"
    "cxGg1DHqp1i7JFsyK3gpCbIbv/VIZLaE8jj5Jl9WJWYcN5TWE2mDwyadq/uimu56e96Jqn"
    "OYzdub5qpWSVWt0Zhd70Z1uJuQmMxf3fhFnKpT6vRKTftvGvOmdqFrFZTk88UoyecFlGSV"
    "R9Wk4Xqe0uS9pXP788dIf0eNCpFDjnS7wBZaZpm+9llxa7GmFg2ooqPNUmMrKWcuG0vnpE"
    "eYF/iPCIqJNQBYzadaPXKtKKnP6jIeKZ2YY6lQYeHib8zn5RrZWt+ACYx3k3gwuiS7A/3H"
    "oJcpNzy+UJnRutpQD8qWIPK5J6Ic6nsv6TATjS0rX5S3mI93lA90xvyT6IEaPA8TL/E3/f"
    "eXm58/k+v/kbmReFoNiM9mjOppRD9TaaHwKK2zCuIx2b+I/Aq6aEWf54oixIJiiqun4MLJ"
    "bDmleY8lj0m9SJLkHtsWNbYqr/na125U3lYt25Vadvg1jHC4YYiR+5kjKxuKJKnlZOxH0t"
    "qFm7MLn4ZxohTOC7RMHFkKggHpCG9jDz6B74rX7VWczsADu2AtlsqlKJQfuc9g3f2NPUrB"
    "vMemAaDcl0ggY+7dZZ+5Z2L5I1p+0dXkvPPpPLYBSlYl/AO4wFTa95d3t3df3r8F9u/SNE"
    "+LYqF5npPXShM9t2aqmelRODeyoeeTRzIFC/Mxwe+FvzFzpjtAuGcEFUqHOHrEoiEWDA8f"
    "NQwRouwMyi32Tb1M4cOCAexikydMW5LRXgQLGjg2m854gJWE2JdUWtvApznDJs16LGINIb"
    "ojpij5TsAkRNEEJn6ZVDX2J1RMBiRgLprh0ctkW0dKbGckJxOoXwZ3Q4GAQTgNeGnlIE9u"
    "sqvxgGImtMZwawybv4nvRsk5SFj7nBmcOizMMYUP08DqvL+9IS/On70G89dm0g7+fHerfM"
    "KNewys2fxKzoUa3M8QGS2BFFYgFu8PaWBNiOuAnuDYp6cF5aNSdedZFSRaGLW4vvOsgEWb"
    "P89rCKOE1GSRNPQ6nFfi+vkSrp8XuZ7W2OqwPE93gPxef6/eKZvyOkyOxm+xRryzFda+rL"
    "SUXy5Zyi9LlnJbGHtgqZ6LCmNrpA6ksc5VQkSJZaEpf/zbF+bSBdBwi7IB9mwlLHIN/bFJ"
    "R85NGAz5t3dfWXnZWfp2b5nzhsuBssdBxWIz9KToRAdJJTXPDHRSqkEp0fsAaqmqZyo2D1"
    "XGg9KYZghqzAtwkxt6zb03og7YLMe9uClPVD6G7pp0DQXVaRGqTb0ToM+F+4GQuRHU07Ni"
    "3xyBYFIjVWImS8Ec1WRVU2LVmZxpIOvO/ou5zlfp/aEwNYaVG1gld5H9bTazw5nrWPCjxL"
    "2H/ib5OszX6MmRg8GcDSecP5zIMrgJbEaLO6oW3DgJVorHvgV9DZG9CMi5zXVo3Tv7sBHv"
    "xr0TfZh1tNA0zXo00U18C6CrjPtgz6q9Kdlv9G7TxMx9UUVJfbFYR31RUFEl32qwPhpvsn"
    "WVcjCc6pMtOs1O8TTr42nW0NGwfgnAxFxOa9XxpUj2oogP1/+Q29gS3guAWThbOIfBcoGT"
    "dDrrSaTGP6qJowU3MubA2BObbSEORsbZrXS4Oo3w0iTbUwDOan57tlKYHSbBGHzU8kEBH9"
    "F6CPVrAybMK8w1v6kS8v35sDoIkgHMviB2yFTwOUDs9C4llkudKZmFYsIw8xxsmor92A7p"
    "G7Qj267BwsjTtqhDJksaERf6zPfLsgsX655ZqkYa6Bb7hEhUCeUuiZpoHUXJK000z414qP"
    "cEJ1ZvnDVDAR3lxruNZ7wbzFhDyso+SwPoGoOtnRKXZ/p2b5nLUxlS/WE8cqXL850Ep6Jf"
    "4VvAh+R7xYVehImlfI/Y7WiUKsNPCIdsxH1GBhbsLaPRgHSTduCOTKMMolpD1BOwAsvh9n"
    "Gv4Bzd9YTuPY8Fge7eF9WIwRLk0tkqFB4/h0Wfg8wPPZcJ5VdVQXO4YTvCorLPXlcqEyj1"
    "41Vw+TodT866R+I31cDOx9NWTeLei1zL0gesHgo77Ry0TIVUhk3efaGczJhX52ADQQVuNm"
    "ZBQiofVx9SQb1RfoPRD1mdeqe3sdYx2zpmjbez2/qap5X+lWxotdxNMdUeWcTxUQpmG/mz"
    "Pjw0KmX357u3T9AK3hOVfK9bNySKQvFwWda4IUO3vbYN0flft22D1hdjFbFHYhXxu7+rNb"
    "ZumDqeMw2nTcoNC6QmH/jRbKPMCrCxXEdlMsQOAzBFZmEQp/yYqhxg6Q12HdRGedWdKke2"
    "xe3KA/OtrvsgNVvVDU0LzIy4YRReGtZKTM5SGa2p0ZmD5VcyR/xIWBNmgwyOUGM7slznyA"
    "wpwJLwseatphhyZAb7Mhue2Ztb720g9tCTaUu/r/piz5G2ESGTrR72DbNDG8k5R9rK2WQ5"
    "Wy4XzTbxNGErY5NlHNubTeL4OdpW0qZJulGpi4xrlZj2NepcUgHKD463j2raTipd8mxbHv"
    "qNOFst/Nt3o+GVyl50pPMIcSwxQEqoCvkhlAiVoJ2yzKQLFh5iizjyEuwGvpNu/eOTCfzw"
    "43KMkvW+QsZhxz4XQjmYYrBPxB6NUG3jNyJ4CKbZpQprBPZID0UcRxYY+x1IvwJ+Bvqhsv"
    "cR/Uai6wh9iuijA/gN0Rg5fRX49R4kCop4wGYYHHNqVT+me0/ei+vAcdRgcP27EpVj/3Hy"
    "O/xnMCBdwRgZyEzoBIbl+JTAOoAbuDhkGDwCU6U+PNriM+2qUmo1deMYs6z6gceQETaJhZ"
    "fKucpuUVoDXxzTjeYmP/sUXuiq8G2arq2vacO4+7D978ZTu0NAy1YAeOUw4+gN3YJrjpTv"
    "R6y0Saa4xgfKaGionO06mTELU0NFGcLhMoyaiMJgj3cHNcOcTtiTGmFP5/P2QMkKQt9rFg"
    "raSCJvSkutt8/nCE3e6DtL1W5diB7npZp6HmS1/3rCKtKaW3iUt2hkiFvbi6bKJja46okl"
    "Q2b0FyS/dnISC+YiZ1iiMWlcX5YsOlRkW/cXYOQvlFIZqdHCSvsR0CCPvQhEp487Db+qtV"
    "XzzdBj0Jd/1dACslQGawINldyNwKIppjXoDFEgbBleieG6BqRBDCNLuTcRDNB7Ec8nIENm"
    "oQ8QPaWRxquQgerovPse5kgvhbS3sbpWkPFtGnzOGOg/KcSYcrIoCqI2qn6u3m3PRLEolN"
    "TL4emn16BRSPqK/R9VQmxnYVAqGtCrEJKapsaujEddxWBhRzJIk87LzTQB7krFHgvpELss"
    "LhM5vsQ+bIg7P2XU0zVzWso5CW7yXfde9+XZ6dlZpApaoY/hHOweN6W/Rs+S5S0WFZMeea"
    "aemSp4Oa5Zcdd2LjZmm+y1oRfzRNJ6/rfh+X8qNSOGL/FwZjdMys5StknZBhtEcY6SMSgW"
    "t7oaZLHiGI+oojmK9OCVquMvaCYPfIYdhHScjgSO9TAgsiZSRDlHGdCIi6jKiyHM7Qjhb/"
    "1HDQjR09pbQXHc2JuSpsZHQuLwkd+A/pR8lqNQw6TYDAlRJTTEhcx60mxSqL2YDeQjsAU8"
    "X81nWaJPJVXyn52Rz4AWFNg2pafVK/dgj2/1ygPTK5MNqAZ/M0Qm87g8r+TH9PTr8v9NBf"
    "6/Wcj/N3n+27SE87dT6roLNxZNYvKG0pkz9gDzJGcnr0gX/3Afj9HBg9fgjJ5yL5iQZyfn"
    "b0hX/htu14roPT9//Srec/CPZbvM7cerDx9KQqttgeWB6fJVCixbC+7QpL4XFtwd86eKfa"
    "Xmm7pdxXYL4pH1fP7a/46xWuzBs9jFLkgXbqWwIEpKT9b65NUdSFrTqDWNVm6eT0YgTwyV"
    "RtZngc5IFSaN40WuodPU7zj98vOHd7dN9Pn1A3e0GkarYWxXw5Bx7S8Me7BqiRTVjPyY5b"
    "qGHN33s8NXKhzqJfClRhi/YoZNz7R/NqUyWBNmPaDSwFU6APdt5uu+QWD6soDMkdDmc48M"
    "C2b6pt5z7w3UDx+QrmpUTQaDAisGg16q5nQw+PxFlZken5JP0jesGrnZF7hjsVGovNLSCS"
    "1fT8bOVyZ0MgLBFYC94waRgETAfTZABUr0CKPWBB7jsTnRE8Ls/0dVqJvruZsU60747Ehc"
    "JDjDCCqF+bS6Y6zGZIf7QICKGh3DB3oZj7/3kAA3V8JRIYvpcLiERbZPyWBIXUw46qMfPC"
    "kU1lz1nfEE3oO3VP877Ibn0kfseofvFkkatkKPtoBOz6uGVz3fdXhlGW22yA8LaUv610kp"
    "YaVw65NvFc89OFPbMtsnKYAYvbkG82MakxmPmpkTwCF5ER2SAX1gXtxASB8ytfzFWxZOco"
    "TUMMsyREZHVRItQ2lUqkJRyUrijYyKHXorlexWqmt4tqSu4VmxriGvJNSQSAmpyXIxqZok"
    "ox7W26UKpEZvVlrj1ZNOa77yq8iaUKbuV20obLFA9tNlsSgU1gjNzFdW6fcCmqUt3D1cCb"
    "uBM8swbYljJ+ZqBa9OMraqS0f5X+O9jMzCQLkudB1GtAsyi2LbpEhB0A4QbNaEij885rg0"
    "8W8jb4n8Ld206yTt0ZFsuFDem4JPJ5lGP3Lv3Mn9XH0K8JJ7LzNZlRiIkA0BJ1OVQ0ixvj"
    "Dy9Sx2a2Te1cixkX1C67do/RbGb6et3+JpCuAJ+S3Kzy+TDYGnYyynnBg93TZStqesbbC1"
    "tvT2bOlYcTX1+2kN6cUCOSxDOgsMmNPfq3+gBVKTP1ADVYslyBnZnTwrkvrwGSX5E3smlK"
    "oYGoUlaRaQhhTErU427Sz0iMQjehVcIiI9uGZerVL19NFVSIJF5HX454B9mzn+Y18WO4jB"
    "sU6O1cTKdSCHsFXJtut+HaaS/IK5Hjka8hfyqZcvxlQ0J1GWjEtngokYat5lI9n/W2atqB"
    "nee3Cu2U5APmGKB/Ns6qviD6HPdUchp6tRiDTKXeB2oC/o7JBu1GK8py/AZNrcYeP35t7e"
    "uEKejEAyDaiSr70oguUlaAXiRmLYEswbklyU7X21DIl1VJy1mcGHZh0Ynhl8xXzHmpQpSf"
    "rOUuWIJmNW6USL5bzmE/qpHM/fCVm7+OBFSN1Sk2ixZy9FYrJHr2n6y8uXVVx2L18udtnh"
    "vUKb3Doc1sMPkLsbSenSCelFDv/19ubTAvdaQpI/PR0rIP8hriP20dOyhLnIjMwRGfG0+/"
    "HqH3l2v/1wc50/+/AB12U+lm0eZn/8H7Obpxg="
)
